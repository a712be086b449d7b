package io.slideo.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.WebApplicationException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventCodec.MalformedEventException;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.outbox.config.ConsumerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

class OutageRetryTest {
    private static final Duration RETRY_FOR = Duration.ofSeconds(2);
    private final OutageRetry retry = new OutageRetry(new ConsumerConfig() {
        @Override
        public Duration retryFor() {
            return RETRY_FOR;
        }

        @Override
        public Duration firstRetryAfter() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration longestRetryWait() {
            return Duration.ofMillis(80);
        }
    });

    private final String record = EventCodec.encode(EventEnvelope.of(Topic.DOCUMENT_FAILED, "doc-1", "user-1",
            new DocumentFailed("doc-1", "request-1", ErrorCode.CORRUPT, "The file is damaged")));

    @Test
    void aRecordArrivingDuringADatabaseRestartIsProcessedOnceTheDatabaseIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> processed = new ArrayList<>();

        retry.handle(record, "document-failed", event -> Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() <= 4) {
                // What the reactive PostgreSQL client reports while the server restarts, wrapped as
                // Hibernate Reactive wraps it.
                throw new CompletionException(new HibernateException(
                        new PgException("the database system is starting up", "FATAL", "57P03", null)));
            }
            processed.add(event.payloadAs(DocumentFailed.class).documentId());
            return null;
        }).replaceWithVoid()).await().atMost(Duration.ofSeconds(10));

        assertEquals(5, attempts.get());
        assertEquals(List.of("doc-1"), processed);
    }

    @Test
    void refusedConnectionsAndAnUpstreamsServerErrorsAreRetried() {
        AtomicInteger attempts = new AtomicInteger();
        List<Throwable> outage = List.of(new ConnectException("Connection refused: /127.0.0.1:16379"),
                new WebApplicationException(503), new CompletionException(new ConnectException("Connection refused")));

        retry.handle(record, "document-failed", event -> Uni.createFrom().voidItem().invoke(() -> {
            int attempt = attempts.getAndIncrement();
            if (attempt < outage.size()) {
                throw sneaky(outage.get(attempt));
            }
        })).await().atMost(Duration.ofSeconds(10));

        assertEquals(4, attempts.get());
    }

    @Test
    void anUnreadableRecordFailsAtOnceWithoutRunningTheWork() {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();

        Throwable failure = assertThrows(RuntimeException.class, () -> retry.handle("{\"eventId\": 12, not json",
                "document-failed", event -> Uni.createFrom().voidItem().invoke(attempts::incrementAndGet))
                .await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(MalformedEventException.class, failure);
        assertEquals(0, attempts.get());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(500)) < 0);
    }

    @Test
    void anInvalidPayloadFailsOnItsFirstAttempt() {
        String wrongPayload = record.replace("\"code\":\"CORRUPT\"", "\"code\":[1,2]");
        assertFalse(wrongPayload.equals(record), "the test must damage the payload");
        AtomicInteger attempts = new AtomicInteger();

        Throwable failure = assertThrows(RuntimeException.class, () -> retry.handle(wrongPayload, "document-failed",
                event -> Uni.createFrom().item(() -> {
                    attempts.incrementAndGet();
                    return event.payloadAs(DocumentFailed.class);
                }).replaceWithVoid()).await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(MalformedEventException.class, failure);
        assertEquals(1, attempts.get());
    }

    @Test
    void anOutageLongerThanTheRetryWindowGivesTheRecordUpToItsDlq() {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();

        Throwable failure = assertThrows(RuntimeException.class, () -> retry.handle(record, "document-failed",
                event -> Uni.createFrom().voidItem().invoke(() -> {
                    attempts.incrementAndGet();
                    throw sneaky(new ConnectException("Connection refused"));
                })).await().atMost(Duration.ofSeconds(30)));

        assertTrue(TransientFailures.isTransient(failure), "the outage's own failure reaches the channel: " + failure);
        assertTrue(attempts.get() > 5, "retried " + attempts.get() + " times");
        // Mutiny stops as soon as the next wait would end past the window, up to one longest wait early.
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(RETRY_FOR.minusMillis(100)) >= 0);
    }

    @Test
    void aClientsMistakeOrABugIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new WebApplicationException(404)));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("no such layout")));
        assertFalse(TransientFailures.isTransient(new PgException("duplicate key value", "ERROR", "23505", null)));
        assertTrue(TransientFailures.isTransient(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(TransientFailures.isTransient(new PgException("could not serialize access", "ERROR", "40001", null)));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
