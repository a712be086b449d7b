package io.slideo.worker.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.Outages;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventEnvelope;

/**
 * Runs a consumer's work so that nothing fails silently. A failure that may pass (PostgreSQL, Redis or
 * Kafka down or restarting) is retried with a growing wait for {@code slideo.consumer.retry-for}, as
 * the services' consumers do; a failure that stays (a fault, or an outage longer than that) is told:
 * the work's failure event says what failed and why, so its document, plan or deck is marked failed
 * and its user hears it, and the record then goes to its dead-letter topic, to be replayed once fixed.
 */
@ApplicationScoped
public class FailedWork {
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** Says that the work of {@code event} failed for good: publishes its failure event. */
    @FunctionalInterface
    public interface Teller {
        void tell(EventEnvelope event, ErrorCode code, String message);
    }

    private final Duration retryFor;
    private final MeterRegistry registry;

    FailedWork(@ConfigProperty(name = "slideo.consumer.retry-for", defaultValue = "3m") Duration retryFor,
            MeterRegistry registry) {
        this.retryFor = retryFor;
        this.registry = registry;
    }

    /** Runs {@code work} for {@code event}; blocking (the worker's consumers run on worker threads). */
    public void run(String consumer, EventEnvelope event, Runnable work, Teller teller) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException failure) {
                boolean outage = isTransient(failure);
                if (outage && System.nanoTime() + wait.toNanos() < deadline) {
                    Log.warnf("%s on event %s failed for a transient reason; trying again in %d ms: %s", consumer,
                            event.eventId(), wait.toMillis(), failure);
                    sleep(wait);
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                    continue;
                }
                Log.errorf(failure, "%s on event %s failed%s; its user is told and the record goes to the DLQ",
                        consumer, event.eventId(), outage ? " for longer than " + retryFor : "");
                registry.counter("slideo.worker.failed.work", "consumer", consumer, "reason", outage ? "outage" : "fault")
                        .increment();
                tell(teller, event, outage);
                throw failure;
            }
        }
    }

    private void tell(Teller teller, EventEnvelope event, boolean outage) {
        try {
            teller.tell(event, outage ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL, outage
                    ? "A service this needs was unavailable for more than " + retryFor.toMinutes()
                            + " minutes. Ask again: the work resumes where it stopped."
                    : "This failed because of an internal error (reference " + event.eventId()
                            + "). Ask again later; the work resumes where it stopped.");
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not tell that event %s failed; the record's dead letter keeps it", event.eventId());
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause : Outages.causes(failure)) {
            if (cause instanceof SlideoException slideo) {
                return Outages.isTransient(slideo.code());
            }
            if (Outages.isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", e);
        }
    }
}
