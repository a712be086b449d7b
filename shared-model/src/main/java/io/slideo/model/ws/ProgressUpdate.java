package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How far a slow job has come, 0 to 100. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgressUpdate(String stage, int percent, String message, String documentId, String deckId) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.PROGRESS_UPDATE;
    }
}
