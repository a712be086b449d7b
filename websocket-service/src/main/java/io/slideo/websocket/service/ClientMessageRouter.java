package io.slideo.websocket.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.smallrye.mutiny.Uni;

/**
 * Every text frame: read it, acknowledge it at once, then hand it to the handler of its type.
 * A frame that cannot be read gets an error_response and the socket stays open. Handling runs in
 * arrival order per connection, so a theme chosen just before a plan request is the one it uses.
 */
@ApplicationScoped
public class ClientMessageRouter {
    private final ObjectMapper mapper = EventCodec.newMapper();
    private final Map<ClientMessageType, ClientMessageHandler> handlers = new EnumMap<>(ClientMessageType.class);
    private final MessageSender sender;
    private final SessionStore sessions;
    private final LiveMetrics metrics;

    ClientMessageRouter(Instance<ClientMessageHandler> handlers, MessageSender sender, SessionStore sessions,
            LiveMetrics metrics) {
        this.sender = sender;
        this.sessions = sessions;
        this.metrics = metrics;
        handlers.forEach(handler -> this.handlers.put(handler.type(), handler));
        for (ClientMessageType type : ClientMessageType.values()) {
            if (!this.handlers.containsKey(type)) {
                throw new IllegalStateException("No handler for client message type " + type.wireName());
            }
        }
    }

    public Uni<Void> onText(LiveConnection connection, String text) {
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (SlideoException e) {
            metrics.received(LiveMetrics.INVALID);
            String requestId = idOf(text);
            Log.debugf("Unreadable frame on connection %s of user %s: %s", connection.id(), connection.userId(),
                    e.code());
            return sender.error(connection, requestId, e);
        }
        String type = frame.type().wireName();
        metrics.received(type);
        String requestId = frame.requestId() == null || frame.requestId().isBlank()
                ? UUID.randomUUID().toString()
                : frame.requestId();
        connection.clientId(frame.envelope().clientId());
        ClientMessageHandler handler = handlers.get(frame.type());
        // The ack is on the wire before any handling starts, so it always comes first.
        return sender.ack(connection, requestId, type)
                .invoke(() -> connection.enqueue(() -> sessions.touch(connection)
                        .onFailure().invoke(failure -> Log.warnf("Session of connection %s not renewed: %s",
                                connection.id(), failure.toString()))
                        .onFailure().recoverWithNull()
                        .chain(() -> handler.handle(connection, frame, requestId))
                        .onFailure().recoverWithUni(failure -> sender.error(connection, requestId,
                                asSlideo(failure, type)))));
    }

    public Uni<Void> onBinary(LiveConnection connection) {
        metrics.received(LiveMetrics.BINARY);
        return sender.error(connection, UUID.randomUUID().toString(), new SlideoException(ErrorCode.INVALID_JSON,
                "Binary frames are not accepted; send each message as a JSON text frame"));
    }

    private SlideoException asSlideo(Throwable failure, String type) {
        if (failure instanceof SlideoException slideo) {
            return slideo;
        }
        Log.errorf(failure, "Handling %s failed unexpectedly", type);
        return new SlideoException(ErrorCode.INTERNAL, "Something went wrong on our side; try again");
    }

    /** The id of a frame that is JSON but not a valid message, so even its error can be correlated. */
    private String idOf(String text) {
        try {
            JsonNode id = mapper.readTree(text).path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (Exception e) {
            // Not JSON at all: nothing to correlate with.
        }
        return UUID.randomUUID().toString();
    }
}
