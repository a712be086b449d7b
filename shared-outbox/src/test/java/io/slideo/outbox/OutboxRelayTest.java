package io.slideo.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.EventEnvelope;
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

    @Test
    void rowsWrittenWithPlainSqlMeetTheSameLimit() {
        String documentId = "doc-" + UUID.randomUUID();
        DocumentFailed huge = new DocumentFailed(documentId, "request-1", ErrorCode.CORRUPT, "\u0001".repeat(200_000));
        DocumentFailed small = new DocumentFailed(documentId, "request-1", ErrorCode.CORRUPT, "unreadable");

        Throwable refused = assertThrows(RuntimeException.class, () -> pool.withTransaction(
                tx -> outbox.publish(tx, Topic.DOCUMENT_FAILED, documentId, "user-1", huge)).await().atMost(WAIT));
        pool.withTransaction(tx -> outbox.publish(tx, Topic.DOCUMENT_FAILED, documentId, "user-1", small))
                .await().atMost(WAIT);

        assertInstanceOf(EventTooLargeException.class, refused);
        List<EventEnvelope> sent = KafkaTestClient.await(Topic.DOCUMENT_FAILED, e -> documentId.equals(e.aggregateId()),
                2, Duration.ofSeconds(5));
        assertEquals(List.of("unreadable"), sent.stream().map(e -> e.payloadAs(DocumentFailed.class).message()).toList(),
                "only the small event was stored, and the relay sent it");
    }

    @Test
    void aSentEventContinuesTheTraceOfTheTransactionThatWroteIt() {
        String topic = "slideo.test.outbox-trace." + UUID.randomUUID();
        String writerTrace = "0af7651916cd43dd8448eb211c80319c";
        String writerSpan = "b7ad6b7169203331";
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into outbox_event (id, topic, message_key, payload, created_at, traceparent)
                values ($1, $2, 'deck-1', 'traced', now(), $3)""")
                .execute(Tuple.of(id, topic, "00-" + writerTrace + "-" + writerSpan + "-01")).await().atMost(WAIT);

        List<String> traceparents = recordHeaders(topic, "traceparent");

        assertEquals(1, traceparents.size(), "one record, with one traceparent header: " + traceparents);
        String[] sent = traceparents.get(0).split("-");
        assertEquals(writerTrace, sent[1], "the record belongs to the writer's trace");
        // The relay's producer span, a child of the writer's span, is what the consumer continues from.
        assertNotEquals(writerSpan, sent[2]);
        assertEquals("01", sent[3], "sampled, as the writer was");
    }

    /** The values of one header of every record sent to the topic since this JVM started (waits for the first). */
    private static List<String> recordHeaders(String topic, String header) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    for (Header found : record.headers().headers(header)) {
                        values.add(new String(found.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return values;
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
