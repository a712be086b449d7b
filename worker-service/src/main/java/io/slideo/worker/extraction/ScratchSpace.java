package io.slideo.worker.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * This worker process's own folder for temporary files ({@code slideo-worker-<pid>} in the system's
 * temporary folder): the local copies of documents being read and the parser processes' folders.
 * A worker that is killed cannot delete what it left there, so a starting worker deletes the folders
 * of worker processes that no longer run; it never touches a living worker's files.
 */
public final class ScratchSpace {
    static final String PREFIX = "slideo-worker-";

    private final Path root;
    private final Path own;

    ScratchSpace(Path root, long pid) {
        this.root = root;
        this.own = root.resolve(PREFIX + pid);
    }

    /** This process's scratch space, under java.io.tmpdir. */
    public static ScratchSpace ofThisProcess() {
        return new ScratchSpace(Path.of(System.getProperty("java.io.tmpdir")), ProcessHandle.current().pid());
    }

    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(Files.createDirectories(own), prefix, suffix);
    }

    public Path newDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(own), prefix);
    }

    /** Deletes the scratch folders of worker processes that are gone; returns how many. */
    public int removeOrphans() {
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!folder.equals(own) && Files.isDirectory(folder) && !alive(folder)) {
                    deleteTree(folder);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        return removed;
    }

    private static boolean alive(Path folder) {
        try {
            long pid = Long.parseLong(folder.getFileName().toString().substring(PREFIX.length()));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
