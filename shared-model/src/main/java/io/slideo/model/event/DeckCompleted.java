package io.slideo.model.event;

/** A worker wrote every slide of a generation run. */
public record DeckCompleted(
        String deckId,
        String generationId,
        String requestId,
        int slidesInGeneration) {
}
