package io.slideo.slide.api;

/** The answer to a one-shot deck request: where to watch it ({@code events}) and read it. */
public record DeckAccepted(String deckId, String planId, String status, String events) {
}
