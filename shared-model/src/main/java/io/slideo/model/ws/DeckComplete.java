package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Every slide of a generation run is stored. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeckComplete(String deckId, String generationId, int slideCount) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.DECK_COMPLETE;
    }
}
