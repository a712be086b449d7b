package io.slideo.model.event;

import io.slideo.model.error.ErrorCode;

/**
 * Extraction failed for a reason a person can act on. {@code parseMillis} is how long the worker tried
 * (a parse that timed out spent the most), counted against its owner's parse time per hour.
 */
public record DocumentFailed(
        String documentId,
        String requestId,
        ErrorCode code,
        String message,
        long parseMillis) {

    /** Without the parse time: nothing was parsed, or a worker from before the parse-time quota sent it. */
    public DocumentFailed(String documentId, String requestId, ErrorCode code, String message) {
        this(documentId, requestId, code, message, 0);
    }
}
