package io.slideo.websocket.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.runtime.blob.BlobStore;

/**
 * The chunks of uploads in progress, one blob each under {@code uploads/<uploadId>/<index>}, in the blob
 * store every instance shares (a directory in development, S3 in Kubernetes): any instance can continue
 * an upload or assemble it. Blocking, like the store: call from worker threads.
 */
@ApplicationScoped
public class UploadChunks {
    private static final String PREFIX = "uploads/";

    private final BlobStore blobs;

    UploadChunks(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The file put together, in a temporary file of this instance, with what it turned out to be. */
    public record Assembled(Path file, long bytes, String sha256) {
    }

    public void put(String uploadId, int index, byte[] chunk) throws IOException {
        blobs.put(chunkKey(uploadId, index), new ByteArrayInputStream(chunk));
    }

    /**
     * Copies chunks 0 to {@code chunks - 1} in order into a new file under java.io.tmpdir, digesting them
     * on the way, so that neither the file nor a chunk list is ever whole in memory. The file is the
     * caller's to delete; on failure it is already gone.
     */
    public Assembled assemble(String uploadId, int chunks) throws IOException {
        Path file = Files.createTempFile("slideo-upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long bytes = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                for (int index = 0; index < chunks; index++) {
                    try (InputStream chunk = blobs.open(chunkKey(uploadId, index))) {
                        bytes += chunk.transferTo(out);
                    }
                }
            }
            return new Assembled(file, bytes, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Deletes every chunk of the upload; none there is fine. */
    public void delete(String uploadId) throws IOException {
        blobs.delete(uploadKey(uploadId));
    }

    private static String uploadKey(String uploadId) {
        return BlobStore.checkKey(PREFIX + uploadId);
    }

    private static String chunkKey(String uploadId, int index) {
        return uploadKey(uploadId) + "/" + index;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
