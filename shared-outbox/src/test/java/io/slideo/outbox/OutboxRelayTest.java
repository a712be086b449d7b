package io.slideo.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class OutboxRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    MeterRegistry meters;
    @Inject
    RecordingFailureHandler failures;
    @Inject
    Outbox outbox;

    @Test
    void anEventTheBrokerRefusesIsSetAsideAndEveryOtherIsSentExactlyOnce() {
        String topic = "slideo.test.outbox-relay." + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID tooLarge = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        // The deck.planned.v1 was 1.16 MB; Kafka's producer refuses anything over 1 MiB.
        insert(List.of(row(first, topic, "first", 0), row(tooLarge, topic, "x".repeat(1_200_000), 1),
                row(third, topic, "third", 2), row(fourth, topic, "fourth", 3)));

        await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> pendingOf(List.of(first, tooLarge, third, fourth)) == 0);

        Row refused = pool.preparedQuery("select failed_at, failure_reason from outbox_event where id = $1")
                .execute(Tuple.of(tooLarge)).await().atMost(WAIT).iterator().next();
        assertNotNull(refused.getOffsetDateTime("failed_at"));
        assertTrue(refused.getString("failure_reason").startsWith("RecordTooLargeException"),
                refused.getString("failure_reason"));
        assertEquals(1.0, meters.counter("slideo.outbox.failed", "type", topic).count());
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> failures.reasonFor(tooLarge) != null);
        assertTrue(failures.reasonFor(tooLarge).startsWith(topic + " RecordTooLargeException"));
        // Several more relay passes run while the topic is read; none may send a row again.
        List<String> sent = KafkaTestClient.awaitRaw(topic, value -> value, 100, Duration.ofSeconds(5));
        assertEquals(List.of("first", "third", "fourth"), sent);
        pool.preparedQuery("delete from outbox_event where topic = $1").execute(Tuple.of(topic)).await().atMost(WAIT);
    }

    @Test
    void anEventLargerThanTheLimitIsRefusedBeforeItIsStored() {
        String documentId = "doc-" + UUID.randomUUID();
        DocumentFailed huge = new DocumentFailed(documentId, "request-1", ErrorCode.CORRUPT, "\u0001".repeat(200_000));

        Throwable refused = assertThrows(RuntimeException.class,
                () -> outbox.publish(Topic.DOCUMENT_FAILED, documentId, "user-1", huge).await().atMost(WAIT));

        EventTooLargeException tooLarge = assertInstanceOf(EventTooLargeException.class, refused);
        assertEquals(ErrorCode.TOO_LARGE, tooLarge.code());
        assertTrue(tooLarge.getMessage().contains("document.failed.v1"), tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("limited to 900 KiB"), tooLarge.getMessage());
        long stored = pool.preparedQuery("select count(*) from outbox_event where message_key = $1")
                .execute(Tuple.of(documentId)).await().atMost(WAIT).iterator().next().getLong(0);
        assertEquals(0, stored);
    }

    private long pendingOf(List<UUID> ids) {
        return pool.preparedQuery("select count(*) from outbox_event where id = any($1) and failed_at is null")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private void insert(List<Tuple> rows) {
        pool.preparedQuery("""
                insert into outbox_event (id, topic, message_key, payload, created_at)
                values ($1, $2, $3, $4, now() + make_interval(secs => $5))""")
                .executeBatch(rows).await().atMost(WAIT);
    }

    private static Tuple row(UUID id, String topic, String payload, int order) {
        return Tuple.of(id, topic, "deck-1", payload, (double) order / 1000);
    }
}
