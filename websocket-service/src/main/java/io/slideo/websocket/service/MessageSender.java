package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.ws.Ack;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.model.ws.ServerPayload;
import io.slideo.model.ws.WsMessage;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * Writes server messages in the one envelope, with the suite's mapper (snake_case, ISO times).
 * A socket that went away while a reply was on its way is not an error worth more than a line.
 */
@ApplicationScoped
public class MessageSender {
    private final ObjectMapper mapper = EventCodec.newMapper();
    private final LiveMetrics metrics;

    MessageSender(LiveMetrics metrics) {
        this.metrics = metrics;
    }

    public Uni<Void> ack(LiveConnection connection, String requestId, String receivedType) {
        return reply(connection, requestId, new Ack(receivedType));
    }

    public Uni<Void> error(LiveConnection connection, String requestId, SlideoException failure) {
        return reply(connection, requestId,
                new ErrorResponse(failure.code(), failure.getMessage(), failure.code().retryable(), requestId));
    }

    public Uni<Void> reply(LiveConnection connection, String requestId, ServerPayload payload) {
        return send(connection, WsMessage.reply(payload.messageType(), connection.clientId(), requestId, null,
                mapper.valueToTree(payload)));
    }

    public Uni<Void> send(LiveConnection connection, WsMessage message) {
        String text;
        try {
            text = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return connection.socket().sendText(text)
                .invoke(() -> metrics.sent(message.type()))
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("Could not send %s to connection %s of user %s: %s", message.type(), connection.id(),
                            connection.userId(), failure.getMessage());
                    return null;
                });
    }
}
