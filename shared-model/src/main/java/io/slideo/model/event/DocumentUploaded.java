package io.slideo.model.event;

/** A stored upload, ready to be extracted; {@code blobKey} names the bytes in the blob store. */
public record DocumentUploaded(
        String documentId,
        String requestId,
        String fileName,
        String mediaType,
        long sizeBytes,
        String blobKey) {
}
