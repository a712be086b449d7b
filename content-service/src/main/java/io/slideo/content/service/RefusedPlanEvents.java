package io.slideo.content.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.outbox.Outbox;
import io.slideo.outbox.OutboxEvent;
import io.slideo.outbox.OutboxFailureHandler;
import io.smallrye.mutiny.Uni;

/**
 * Tells a user when the broker refused a plan's event for good: without it, a requested plan stays
 * "drafting" and an edited one never reaches the deck, and nobody says why.
 */
@ApplicationScoped
public class RefusedPlanEvents implements OutboxFailureHandler {
    private static final Set<String> PLAN_TOPICS = Set.of(Topic.PLAN_REQUESTED.topicName(),
            Topic.DECK_PLANNED.topicName());

    private final Outbox outbox;

    RefusedPlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> onFailed(OutboxEvent event, String reason) {
        if (!PLAN_TOPICS.contains(event.topic)) {
            return Uni.createFrom().voidItem(); // a refused notification is not answered with another
        }
        EventEnvelope envelope = EventCodec.decode(event.payload);
        String requestId = envelope.payload().path("requestId").asText(null);
        boolean tooLarge = reason.startsWith("RecordTooLarge") || reason.startsWith("RecordBatchTooLarge");
        ErrorCode code = tooLarge ? ErrorCode.TOO_LARGE : ErrorCode.INTERNAL;
        String message = "Plan " + envelope.aggregateId() + " could not be passed on"
                + (tooLarge ? " because it is too large; make it smaller and save it again"
                        : "; we are looking into it")
                + (Topic.DECK_PLANNED.topicName().equals(event.topic) ? ". The deck still follows the previous revision"
                        : ". It will not be drafted");
        Log.warnf("Telling user %s that plan %s's %s event was refused (event %s)", envelope.userId(),
                envelope.aggregateId(), event.topic, event.id);
        return Panache.withTransaction(() -> outbox.notifyUser(envelope.userId(), requestId,
                new ErrorResponse(code, message, false, requestId)));
    }
}
