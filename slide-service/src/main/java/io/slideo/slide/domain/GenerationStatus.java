package io.slideo.slide.domain;

public enum GenerationStatus {
    RUNNING,
    COMPLETE,
    FAILED
}
