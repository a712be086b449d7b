package io.slideo.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes made on the fly from a seed: any size without a fixture or the heap to hold it, the same bytes
 * for the same seed, and, if asked, a source that fails part way through as a broken upload does.
 */
final class GeneratedContent extends InputStream {
    private final long size;
    private final long failAt;
    private long position;
    private long state;

    private GeneratedContent(long size, long seed, long failAt) {
        this.size = size;
        this.failAt = failAt;
        this.state = seed;
    }

    static GeneratedContent of(long size, long seed) {
        return new GeneratedContent(size, seed, -1);
    }

    /** Promises more than it gives: the read after {@code bytes} bytes throws. */
    static GeneratedContent failingAfter(long bytes, long seed) {
        return new GeneratedContent(Long.MAX_VALUE, seed, bytes);
    }

    static String sha256(InputStream in) throws IOException {
        try (DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position == failAt) {
            throw new IOException("The source broke off after " + failAt + " bytes");
        }
        long end = failAt >= 0 ? Math.min(size, failAt) : size;
        int n = (int) Math.min(length, end - position);
        if (n <= 0) {
            return length == 0 ? 0 : -1;
        }
        for (int i = 0; i < n; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L; // Knuth's MMIX LCG
            buffer[offset + i] = (byte) (state >>> 56);
        }
        position += n;
        return n;
    }
}
