package io.slideo.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Where uploads, extraction results and exports live. Keys are made by Slideo (ids and fixed
 * names, e.g. {@code documents/<id>/original}); a user's file name never becomes a key, and
 * {@link #checkKey} refuses anything that could climb out of the store. Two implementations, one
 * behaviour (BlobStoreContract tests both): {@link LocalDirectoryBlobStore} and {@link S3BlobStore}.
 * Blocking: call from worker threads.
 */
public interface BlobStore {
    Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9._-]*)*");

    /**
     * Stores the stream under the key, replacing what was there, whole or not at all: if the stream
     * breaks, the previous content stays and nothing new is kept. Returns the bytes written.
     */
    long put(String key, InputStream content) throws IOException;

    /** Stores at most {@code limit} bytes; throws {@link TooLargeException} past it and keeps nothing. */
    long put(String key, InputStream content, long limit) throws IOException;

    /** A stream of the blob; a key with no blob (or only blobs below it) throws NoSuchFileException. */
    InputStream open(String key) throws IOException;

    /** Whether a blob is stored under the key; a store that cannot be reached throws UncheckedIOException. */
    boolean exists(String key);

    /** Deletes the key and everything below it; absent keys are fine. */
    void delete(String key) throws IOException;

    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return key;
    }

    /** The content was longer than the caller allowed. */
    final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("Content exceeds " + limit + " bytes");
        }
    }
}
