package io.slideo.model.event;

import io.slideo.model.error.ErrorCode;

/**
 * A worker could not finish writing a generation run; the slides already written stay. {@code
 * message} says why to the user; asking again resumes from the last checkpoint.
 */
public record GenerationFailed(
        String deckId,
        String generationId,
        String requestId,
        ErrorCode code,
        String message) {
}
