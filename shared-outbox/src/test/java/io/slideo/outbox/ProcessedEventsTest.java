package io.slideo.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.ConnectException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventCodec.MalformedEventException;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A consumer's record, as the Kafka connector hands it over: on a Vert.x context, in a transaction. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class ProcessedEventsTest {
    @Inject
    ProcessedEvents processed;
    @Inject
    Vertx vertx;
    @Inject
    Pool pool;

    @Test
    void aRecordWhoseFirstAttemptsMeetAnOutageIsProcessedOnceNotDeadLettered() throws Exception {
        EventEnvelope event = EventEnvelope.of(Topic.DOCUMENT_FAILED, "doc-1", "user-1",
                new DocumentFailed("doc-1", "request-1", ErrorCode.CORRUPT, "The file is damaged"));
        AtomicInteger attempts = new AtomicInteger();

        onConsumerContext(() -> processed.once(EventCodec.encode(event), "outage-test", received -> {
            if (attempts.incrementAndGet() <= 3) {
                // Thrown inside the transaction, after the event was recorded as processed: that
                // record must roll back with it, or the retry would skip the event as a duplicate.
                return Uni.createFrom().failure(new ConnectException("Connection refused: /127.0.0.1:15432"));
            }
            return Uni.createFrom().voidItem();
        }));

        assertEquals(4, attempts.get());
        assertEquals(1, recorded(event.eventId()));
    }

    @Test
    void anUnreadableRecordFailsAtOnceForTheDeadLetterQueue() {
        AtomicInteger attempts = new AtomicInteger();

        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> onConsumerContext(() -> processed.once("{\"eventId\": \"not even a uuid\"", "outage-test",
                        received -> Uni.createFrom().voidItem().invoke(attempts::incrementAndGet))));

        assertInstanceOf(MalformedEventException.class, failure.getCause());
        assertEquals(0, attempts.get());
    }

    private long recorded(UUID eventId) {
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1 and consumer = 'outage-test'")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
    }

    private void onConsumerContext(Supplier<Uni<Void>> work) throws Exception {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        done.get(30, TimeUnit.SECONDS);
    }
}
