package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The server received a client message and took it on. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Ack(String receivedType) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.ACK;
    }
}
