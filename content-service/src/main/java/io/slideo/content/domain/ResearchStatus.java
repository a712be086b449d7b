package io.slideo.content.domain;

/** Whether a worker has answered a research request yet. */
public enum ResearchStatus {
    SEARCHING, DONE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
