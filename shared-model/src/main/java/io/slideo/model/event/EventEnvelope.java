package io.slideo.model.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one wrapper every event travels in. {@code aggregateId} is also the Kafka key, so the
 * events of one document or deck stay in order; {@code eventId} lets consumers drop duplicates.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        String aggregateId,
        String userId,
        Instant occurredAt,
        JsonNode payload) {

    public static EventEnvelope of(Topic topic, String aggregateId, String userId, Object payload) {
        if (!topic.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(topic.topicName() + " carries "
                    + topic.payloadType().getSimpleName() + ", not " + payload.getClass().getSimpleName());
        }
        return new EventEnvelope(UUID.randomUUID(), topic.eventType(), topic.version(), aggregateId, userId,
                Instant.now(), EventCodec.toTree(payload));
    }

    public <T> T payloadAs(Class<T> type) {
        return EventCodec.fromTree(payload, type);
    }
}
