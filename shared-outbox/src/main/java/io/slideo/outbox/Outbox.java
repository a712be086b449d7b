package io.slideo.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerPayload;
import io.slideo.outbox.config.OutboxConfig;
import io.smallrye.mutiny.Uni;

/**
 * Publishes events atomically with a database change: call inside the caller's transaction;
 * {@link OutboxRelay} sends what was committed. No dual writes. Each event keeps the trace context of
 * its writer, so its Kafka record continues the writer's trace.
 */
@ApplicationScoped
public class Outbox {
    private final OutboxConfig config;

    Outbox(OutboxConfig config) {
        this.config = config;
    }

    /**
     * Stores the event for the relay. An event larger than the broker takes fails here with an
     * {@link EventTooLargeException} (413 TOO_LARGE), so the caller's transaction rolls back and its
     * user hears why, instead of the relay finding out after the commit.
     */
    public Uni<Void> publish(Topic topic, String aggregateId, String userId, Object payload) {
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
            return Uni.createFrom().failure(new EventTooLargeException(event.topic, aggregateId, bytes,
                    config.maxEventSize().asLongValue()));
        }
        return event.persist().replaceWithVoid();
    }

    /** Tells a user something over their open WebSocket connections; keyed by user id. */
    public Uni<Void> notifyUser(String userId, String requestId, ServerPayload message) {
        return publish(Topic.NOTIFICATION, userId, userId, Notification.of(userId, requestId, message));
    }
}
