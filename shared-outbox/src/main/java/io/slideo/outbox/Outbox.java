package io.slideo.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerPayload;
import io.smallrye.mutiny.Uni;

/**
 * Publishes events atomically with a database change: call inside the caller's transaction;
 * {@link OutboxRelay} sends what was committed. No dual writes.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> publish(Topic topic, String aggregateId, String userId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(topic, aggregateId, userId, payload);
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.eventId();
        event.topic = topic.topicName();
        event.messageKey = aggregateId;
        event.payload = EventCodec.encode(envelope);
        event.createdAt = Instant.now();
        return event.persist().replaceWithVoid();
    }

    /** Tells a user something over their open WebSocket connections; keyed by user id. */
    public Uni<Void> notifyUser(String userId, String requestId, ServerPayload message) {
        return publish(Topic.NOTIFICATION, userId, userId, Notification.of(userId, requestId, message));
    }
}
