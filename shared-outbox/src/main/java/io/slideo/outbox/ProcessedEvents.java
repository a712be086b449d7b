package io.slideo.outbox;

import java.util.UUID;
import java.util.function.Function;
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

    private final OutageRetry outageRetry;

    ProcessedEvents(OutageRetry outageRetry) {
        this.outageRetry = outageRetry;
    }

    /**
     * What a consumer calls with the record it received: the record is read, then {@code work} runs
     * once for it in a transaction, retried through a database, Redis or upstream outage; an
     * unreadable record or invalid payload fails at once, so the channel sends it to its DLQ.
     */
    public Uni<Void> once(String record, String consumer, Function<EventEnvelope, Uni<Void>> work) {
        return outageRetry.handle(record, consumer, event -> once(event, consumer, () -> work.apply(event)));
    }

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
