package io.slideo.model.ws;

import java.util.Optional;

/** What a client may send, with the record its {@code data} must read as. */
public enum ClientMessageType {
    FILE_UPLOAD("file_upload", FileUpload.class),
    THEME_SELECTION("theme_selection", ThemeSelection.class),
    CONTENT_PLANNING("content_planning", ContentPlanning.class),
    SLIDE_GENERATION("slide_generation", SlideGeneration.class),
    RESEARCH_REQUEST("research_request", ResearchRequest.class),
    RESUME("resume", Resume.class),
    PING("ping", Ping.class);

    private final String wireName;
    private final Class<? extends ClientPayload> dataType;

    ClientMessageType(String wireName, Class<? extends ClientPayload> dataType) {
        this.wireName = wireName;
        this.dataType = dataType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends ClientPayload> dataType() {
        return dataType;
    }

    public static Optional<ClientMessageType> ofWireName(String name) {
        for (ClientMessageType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
