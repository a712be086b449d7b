package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A slide was written and stored as a new version. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SlideComplete(String deckId, String generationId, int slideIndex, int version, String title, int completed, int total) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.SLIDE_COMPLETE;
    }
}
