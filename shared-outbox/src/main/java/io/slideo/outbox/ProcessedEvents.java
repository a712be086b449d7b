package io.slideo.outbox;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.slideo.model.event.EventEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * At-least-once delivery made safe: a consumer's work and the record that it was done commit in
 * one transaction, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {
    private static final String RECORD = """
            insert into processed_event (event_id, consumer) values (:eventId, :consumer)
            on conflict do nothing""";

    /** Runs {@code work} in a transaction unless this consumer already handled the event. */
    public Uni<Void> once(EventEnvelope event, String consumer, Supplier<Uni<Void>> work) {
        return Panache.withTransaction(() -> firstDelivery(event.eventId(), consumer)
                .chain(first -> {
                    if (!first) {
                        Log.debugf("Skipping duplicate event %s (%s) for %s", event.eventId(), event.type(), consumer);
                        return Uni.createFrom().voidItem();
                    }
                    return work.get();
                }));
    }

    private Uni<Boolean> firstDelivery(UUID eventId, String consumer) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
