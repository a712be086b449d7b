package io.slideo.websocket.domain;

/** Where a session stands in the document-to-deck flow, as stored in its Redis hash. */
public enum SessionStep {
    CONNECTED("connected"),
    THEME_SELECTED("theme_selected"),
    PLANNING("planning"),
    GENERATING("generating");

    private final String stored;

    SessionStep(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }
}
