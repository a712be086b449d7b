package io.slideo.worker.model;

/** Who a model call is for: the user and the deck (or plan) whose tokens it spends. */
public record Usage(String userId, String deckId) {
}
