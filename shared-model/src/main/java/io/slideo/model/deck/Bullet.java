package io.slideo.model.deck;

/** One bullet of a written slide, with the source it was drawn from. */
public record Bullet(String text, SourceRef source) {
}
