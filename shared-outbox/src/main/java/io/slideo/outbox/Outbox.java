package io.slideo.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerPayload;
import io.slideo.outbox.config.OutboxConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes events atomically with a database change: call inside the caller's transaction;
 * {@link OutboxRelay} sends what was committed. No dual writes. Each event keeps the trace context of
 * its writer, so its Kafka record continues the writer's trace.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = """
            insert into outbox_event (id, topic, message_key, payload, created_at, traceparent, tracestate)
            values ($1, $2, $3, $4, now(), $5, $6)""";

    private final OutboxConfig config;

    Outbox(OutboxConfig config) {
        this.config = config;
    }

    /**
     * Stores the event for the relay through the caller's Hibernate session. An event larger than the
     * broker takes fails here with an {@link EventTooLargeException} (413 TOO_LARGE), so the caller's
     * transaction rolls back and its user hears why, instead of the relay finding out after the commit.
     */
    public Uni<Void> publish(Topic topic, String aggregateId, String userId, Object payload) {
        OutboxEvent event;
        try {
            event = row(topic, aggregateId, userId, payload);
        } catch (EventTooLargeException e) {
            return Uni.createFrom().failure(e);
        }
        return event.persist().replaceWithVoid();
    }

    /**
     * The same row written with plain SQL in {@code client}'s transaction, for code that runs outside a
     * Hibernate session (a timer, a worker thread); the same size check applies.
     */
    public Uni<Void> publish(SqlClient client, Topic topic, String aggregateId, String userId, Object payload) {
        OutboxEvent event;
        try {
            event = row(topic, aggregateId, userId, payload);
        } catch (EventTooLargeException e) {
            return Uni.createFrom().failure(e);
        }
        return client.preparedQuery(INSERT).execute(Tuple.tuple(List.of(event.id, event.topic, event.messageKey,
                event.payload)).addString(event.traceparent).addString(event.tracestate)).replaceWithVoid();
    }

    /** Tells a user something over their open WebSocket connections; keyed by user id. */
    public Uni<Void> notifyUser(String userId, String requestId, ServerPayload message) {
        return publish(Topic.NOTIFICATION, userId, userId, Notification.of(userId, requestId, message));
    }

    /** {@link #notifyUser(String, String, ServerPayload)} with plain SQL in {@code client}'s transaction. */
    public Uni<Void> notifyUser(SqlClient client, String userId, String requestId, ServerPayload message) {
        return publish(client, Topic.NOTIFICATION, userId, userId, Notification.of(userId, requestId, message));
    }

    private OutboxEvent row(Topic topic, String aggregateId, String userId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(topic, aggregateId, userId, payload);
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.eventId();
        event.topic = topic.topicName();
        event.messageKey = aggregateId;
        event.payload = EventCodec.encode(envelope);
        event.createdAt = Instant.now();
        TraceContext trace = TraceContext.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        long bytes = event.payload.getBytes(StandardCharsets.UTF_8).length
                + (long) aggregateId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxEventSize().asLongValue()) {
            throw new EventTooLargeException(event.topic, aggregateId, bytes, config.maxEventSize().asLongValue());
        }
        return event;
    }
}
