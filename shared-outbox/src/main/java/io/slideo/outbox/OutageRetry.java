package io.slideo.outbox;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.outbox.config.ConsumerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Rides a consumer through an outage: work that failed for a transient reason is tried again with
 * a growing wait for {@link ConsumerConfig#retryFor()}; only then does the failure reach the
 * channel (and the record its DLQ). A record that can never succeed fails at once.
 */
@ApplicationScoped
public class OutageRetry {
    private final ConsumerConfig config;

    public OutageRetry(ConsumerConfig config) {
        this.config = config;
    }

    /** Reads {@code record} and runs {@code work} on it, retrying transient failures. */
    public Uni<Void> handle(String record, String consumer, Function<EventEnvelope, Uni<Void>> work) {
        return Uni.createFrom().item(() -> EventCodec.decode(record))
                .onFailure().invoke(e -> Log.warnf("%s cannot read a record; it goes to the DLQ: %s", consumer,
                        e.getMessage()))
                .chain(event -> retry(consumer + " on event " + event.eventId() + " (" + event.type() + ")",
                        () -> work.apply(event)));
    }

    /** Runs {@code work} (subscribed afresh on each attempt), retrying while its failures are transient. */
    public <T> Uni<T> retry(String what, Supplier<Uni<T>> work) {
        Context context = Vertx.currentContext();
        Uni<T> attempt = Uni.createFrom().deferred(work::get);
        if (context != null) {
            // The back-off waits on Mutiny's scheduler; each attempt goes back to the caller's Vert.x
            // context, where Hibernate Reactive and the Redis client expect to run.
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        AtomicReference<Throwable> lastTransient = new AtomicReference<>();
        return attempt
                .onFailure(TransientFailures::isTransient).invoke(e -> {
                    lastTransient.set(e);
                    Log.warnf("%s failed for a transient reason; trying again: %s", what, e);
                })
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(config.firstRetryAfter(), config.longestRetryWait())
                .expireIn(config.retryFor().toMillis())
                // Mutiny reports an expired retry as "Retries exhausted"; the DLQ record should say what failed.
                .onFailure(e -> !TransientFailures.isTransient(e) && lastTransient.get() != null
                        && String.valueOf(e.getMessage()).startsWith("Retries exhausted"))
                .transform(e -> lastTransient.get())
                .onFailure().invoke(e -> Log.errorf("%s failed; the record goes to the DLQ: %s", what, e));
    }
}
