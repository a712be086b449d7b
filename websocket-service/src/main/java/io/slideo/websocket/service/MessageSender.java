package io.slideo.websocket.service;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.model.ws.ServerPayload;
import io.slideo.model.ws.WsMessage;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;

/**
 * Writes server replies in the one envelope, with the suite's mapper (snake_case, ISO times).
 * Acks, the most frequent message by far, are written without building a tree first. Message ids
 * only need to be unique, so they come from a thread-local generator rather than the secure one.
 * A socket that went away while a reply was on its way is not an error worth more than a line.
 */
@ApplicationScoped
public class MessageSender {
    private final ObjectMapper mapper = EventCodec.newMapper();
    private final LiveMetrics metrics;

    MessageSender(LiveMetrics metrics) {
        this.metrics = metrics;
    }

    /** Writes the ack at once: whatever is written to the socket after it leaves after it. */
    public void ack(LiveConnection connection, String requestId, String receivedType) {
        StringBuilder text = new StringBuilder(200);
        text.append("{\"id\":\"").append(newId()).append("\",\"type\":\"ack\",\"timestamp\":\"").append(timestamp())
                .append("\",\"client_id\":");
        quote(text, connection.clientId());
        text.append(",\"request_id\":");
        quote(text, requestId);
        text.append(",\"seq\":null,\"data\":{\"received_type\":");
        quote(text, receivedType);
        text.append("}}");
        connection.send(text.toString(), written -> sent(connection, "ack", written));
    }

    public Uni<Void> error(LiveConnection connection, String requestId, SlideoException failure) {
        return reply(connection, requestId,
                new ErrorResponse(failure.code(), failure.getMessage(), failure.code().retryable(), requestId));
    }

    public Uni<Void> reply(LiveConnection connection, String requestId, ServerPayload payload) {
        WsMessage message = new WsMessage(newId(), payload.messageType().wireName(), Instant.now(),
                connection.clientId(), requestId, null, mapper.valueToTree(payload));
        String text;
        try {
            text = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return write(connection, message.type(), text);
    }

    /** Writes when subscribed; completes once the socket took the message, or could not (which is not a failure). */
    private Uni<Void> write(LiveConnection connection, String type, String text) {
        return Uni.createFrom().emitter(emitter -> connection.send(text, written -> {
            sent(connection, type, written);
            emitter.complete(null);
        }));
    }

    private void sent(LiveConnection connection, String type, AsyncResult<Void> written) {
        if (written.succeeded()) {
            metrics.sent(type);
        } else {
            Log.debugf("Could not send %s to connection %s of user %s: %s", type, connection.id(),
                    connection.userId(), written.cause().getMessage());
        }
    }

    /** A time written as text, kept while the clock stays on its millisecond (acks come many to a millisecond). */
    private record Stamp(long millis, String text) {
    }

    private static volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    /** Now, in ISO-8601 to the millisecond, formatted at most once per millisecond. */
    static String timestamp() {
        long now = System.currentTimeMillis();
        Stamp current = stamp;
        if (current.millis() != now) {
            current = new Stamp(now, Instant.ofEpochMilli(now).toString());
            stamp = current;
        }
        return current.text();
    }

    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // A version 4 (random) UUID.
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static void quote(StringBuilder text, String value) {
        if (value == null) {
            text.append("null");
            return;
        }
        text.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, text);
        text.append('"');
    }
}
