package io.slideo.model.event;

import com.fasterxml.jackson.databind.JsonNode;

import io.slideo.model.ws.ServerMessageType;

/**
 * What a user should see, keyed by user id. {@code type} is the WebSocket message type the
 * websocket-service sends; {@code data} is that message's body.
 */
public record Notification(
        String userId,
        ServerMessageType type,
        String requestId,
        JsonNode data) {

    public static Notification of(String userId, String requestId, io.slideo.model.ws.ServerPayload payload) {
        return new Notification(userId, payload.messageType(), requestId, EventCodec.toTree(payload));
    }
}
