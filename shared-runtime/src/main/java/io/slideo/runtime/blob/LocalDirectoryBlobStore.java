package io.slideo.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A blob store in a local (or shared network) directory. Writes go to a temporary file first and
 * are moved into place, so a reader never sees half a blob and a failed write leaves nothing.
 */
public class LocalDirectoryBlobStore implements BlobStore {
    private final Path root;

    public LocalDirectoryBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        return put(key, content, Long.MAX_VALUE);
    }

    @Override
    public long put(String key, InputStream content, long limit) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".part");
        try {
            long written = copyAtMost(content, temporary, limit);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = resolve(key);
        // A directory is a prefix of blobs, not one (Linux would open it and fail on the first read).
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException("No blob " + key);
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("No blob " + key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(BlobStore.checkKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return path;
    }

    private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
