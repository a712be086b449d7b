package io.slideo.model.event;

/** A worker wrote every slide of a generation run; {@code usage} is the deck's model spend so far. */
public record DeckCompleted(
        String deckId,
        String generationId,
        String requestId,
        int slidesInGeneration,
        TokenUsage usage) {

    public DeckCompleted {
        usage = usage == null ? TokenUsage.OFFLINE : usage;
    }

    /** A completion without usage (events written before usage was reported): the offline writer's. */
    public DeckCompleted(String deckId, String generationId, String requestId, int slidesInGeneration) {
        this(deckId, generationId, requestId, slidesInGeneration, null);
    }
}
