package io.slideo.slide.domain;

/** A deck is planned, then slides are being written, then all of them are; or the writing failed, and it says why. */
public enum DeckStatus {
    PLANNED,
    GENERATING,
    COMPLETE,
    FAILED
}
