package io.slideo.model.ws;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The one envelope of every WebSocket message, both ways. {@code requestId} is set on every reply
 * to the {@code id} of the client message it answers; {@code seq} numbers a user's notifications.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WsMessage(
        String id,
        String type,
        Instant timestamp,
        String clientId,
        String requestId,
        Long seq,
        JsonNode data) {

    public static WsMessage reply(ServerMessageType type, String clientId, String requestId, Long seq, JsonNode data) {
        return new WsMessage(UUID.randomUUID().toString(), type.wireName(), Instant.now(), clientId, requestId, seq,
                data);
    }
}
