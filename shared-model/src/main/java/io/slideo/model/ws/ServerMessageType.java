package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the server sends. */
public enum ServerMessageType {
    ACK("ack"),
    PROGRESS_UPDATE("progress_update"),
    FILE_PROCESSED("file_processed"),
    PLAN_RESPONSE("plan_response"),
    SLIDE_COMPLETE("slide_complete"),
    DECK_COMPLETE("deck_complete"),
    RESEARCH_RESPONSE("research_response"),
    ERROR_RESPONSE("error_response"),
    RESYNC_REQUIRED("resync_required");

    private final String wireName;

    ServerMessageType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ServerMessageType ofWireName(String name) {
        for (ServerMessageType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown server message type " + name);
    }
}
