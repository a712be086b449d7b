package io.slideo.model.event;

import io.slideo.model.error.ErrorCode;

/** Extraction failed for a reason a person can act on. */
public record DocumentFailed(
        String documentId,
        String requestId,
        ErrorCode code,
        String message) {
}
