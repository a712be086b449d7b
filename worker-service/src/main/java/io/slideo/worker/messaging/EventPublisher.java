package io.slideo.worker.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.opentelemetry.context.Context;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerPayload;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Sends the worker's events straight to Kafka (no database write precedes them, so no outbox) and
 * waits for the broker to take each one, so the incoming record is acknowledged only after its
 * results are out. Event ids derive from the event being handled: a redelivered record produces the
 * same ids, and consumers that drop duplicates drop the repeats. Blocking: call from worker threads.
 */
@ApplicationScoped
public class EventPublisher {
    private final MutinyEmitter<String> documentExtracted;
    private final MutinyEmitter<String> documentFailed;
    private final MutinyEmitter<String> planDrafted;
    private final MutinyEmitter<String> slideGenerated;
    private final MutinyEmitter<String> deckCompleted;
    private final MutinyEmitter<String> notifications;
    private final MutinyEmitter<String> researchCompleted;
    private final MutinyEmitter<String> planFailed;
    private final MutinyEmitter<String> generationFailed;

    EventPublisher(@Channel("document-extracted") MutinyEmitter<String> documentExtracted,
            @Channel("document-failed") MutinyEmitter<String> documentFailed,
            @Channel("plan-drafted") MutinyEmitter<String> planDrafted,
            @Channel("slide-generated") MutinyEmitter<String> slideGenerated,
            @Channel("deck-completed") MutinyEmitter<String> deckCompleted,
            @Channel("notification") MutinyEmitter<String> notifications,
            @Channel("research-completed") MutinyEmitter<String> researchCompleted,
            @Channel("plan-failed") MutinyEmitter<String> planFailed,
            @Channel("generation-failed") MutinyEmitter<String> generationFailed) {
        this.documentExtracted = documentExtracted;
        this.documentFailed = documentFailed;
        this.planDrafted = planDrafted;
        this.slideGenerated = slideGenerated;
        this.deckCompleted = deckCompleted;
        this.notifications = notifications;
        this.researchCompleted = researchCompleted;
        this.planFailed = planFailed;
        this.generationFailed = generationFailed;
    }

    /** Publishes {@code payload} keyed by {@code aggregateId}; {@code cause} and {@code step} fix its event id. */
    public void publish(Topic topic, String aggregateId, String userId, Object payload, EventEnvelope cause, String step) {
        EventEnvelope fresh = EventEnvelope.of(topic, aggregateId, userId, payload);
        EventEnvelope envelope = new EventEnvelope(derivedId(cause, topic, step), fresh.type(), fresh.version(),
                fresh.aggregateId(), fresh.userId(), fresh.occurredAt(), fresh.payload());
        // The record's parent is the span current here (the handled record's, or a slide writer's), whichever
        // thread the emitter's stream happens to run on.
        emitter(topic).sendMessageAndAwait(KafkaRecord.of(aggregateId, EventCodec.encode(envelope))
                .addMetadata(TracingMetadata.withCurrent(Context.current())));
    }

    /** Tells a user something over their open connections; keyed by user id. */
    public void notifyUser(String userId, String requestId, ServerPayload message, EventEnvelope cause, String step) {
        publish(Topic.NOTIFICATION, userId, userId, Notification.of(userId, requestId, message), cause, step);
    }

    private static UUID derivedId(EventEnvelope cause, Topic topic, String step) {
        if (cause == null || cause.eventId() == null) {
            return UUID.randomUUID();
        }
        String name = cause.eventId() + "/" + topic.topicName() + "/" + step;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private MutinyEmitter<String> emitter(Topic topic) {
        return switch (topic) {
            case DOCUMENT_EXTRACTED -> documentExtracted;
            case DOCUMENT_FAILED -> documentFailed;
            case PLAN_DRAFTED -> planDrafted;
            case SLIDE_GENERATED -> slideGenerated;
            case DECK_COMPLETED -> deckCompleted;
            case NOTIFICATION -> notifications;
            case RESEARCH_COMPLETED -> researchCompleted;
            case PLAN_FAILED -> planFailed;
            case GENERATION_FAILED -> generationFailed;
            default -> throw new IllegalArgumentException("The worker does not publish " + topic.topicName());
        };
    }
}
