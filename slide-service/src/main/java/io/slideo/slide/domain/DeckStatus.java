package io.slideo.slide.domain;

/** A deck is planned, then slides are being written, then all of them are. */
public enum DeckStatus {
    PLANNED,
    GENERATING,
    COMPLETE
}
