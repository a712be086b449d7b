package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class NotificationDeliveryTest {
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "mp.messaging.incoming.notification-journal.group.id")
    String journalGroup;

    @Test
    void aNotificationReachesEveryConnectionOfItsUserAndNoOtherUser() {
        String alice = TestTokens.newUser();
        String bob = TestTokens.newUser();
        try (LiveClient aliceOnLaptop = LiveClient.withQueryToken(vertx, base, TestTokens.valid(alice));
                LiveClient aliceOnPhone = LiveClient.withSubprotocolToken(vertx, base, TestTokens.valid(alice));
                LiveClient bobsSocket = LiveClient.withQueryToken(vertx, base, TestTokens.valid(bob))) {
            ProgressUpdate progress = new ProgressUpdate("extracting", 40, "Reading page 4 of 10", "doc-1", null);

            // The instance reads from the latest offset once its partitions are assigned; until then a
            // notification is (rightly) not for it, so keep sending fresh ones until one arrives.
            Set<String> sentToAlice = new HashSet<>();
            JsonNode received = untilOneArrives(aliceOnLaptop, () -> notify(alice, progress, sentToAlice));

            assertEquals("progress_update", received.path("type").asText());
            assertTrue(sentToAlice.contains(received.path("request_id").asText()), received.toString());
            assertEquals("extracting", received.path("data").path("stage").asText());
            assertEquals(40, received.path("data").path("percent").asInt());
            assertEquals("doc-1", received.path("data").path("document_id").asText());
            assertEquals(received.path("request_id").asText(), aliceOnPhone.next().path("request_id").asText());

            // Bob's first message is his own notification, sent after all of Alice's.
            Set<String> sentToBob = new HashSet<>();
            notify(bob, progress, sentToBob);
            JsonNode bobsFirst = bobsSocket.next();
            assertTrue(sentToBob.contains(bobsFirst.path("request_id").asText()), bobsFirst.toString());
        }
    }

    @Test
    void anUnreadableNotificationGoesToTheDeadLetterTopicAndTheOnesAfterItStillArrive() {
        String carol = TestTokens.newUser();
        try (LiveClient socket = LiveClient.withQueryToken(vertx, base, TestTokens.valid(carol))) {
            Set<String> sent = new HashSet<>();
            untilOneArrives(socket, () -> notify(carol, new ProgressUpdate("planning", 10, null, null, "deck-1"), sent));
            untilTheJournalGroupReads(carol, sent);
            while (socket.poll() != null) {
                // Drop the extra copies sent while waiting for the consumers.
            }

            String unreadable = "{not an envelope " + UUID.randomUUID();
            kafka.sendRaw(Topic.NOTIFICATION.topicName(), carol, unreadable);
            String after = notify(carol, new ProgressUpdate("planning", 20, null, null, "deck-1"), sent);

            JsonNode next = socket.next();
            while (!next.path("request_id").asText().equals(after) && sent.contains(next.path("request_id").asText())) {
                next = socket.next();
            }
            assertEquals(after, next.path("request_id").asText());
            assertEquals(20, next.path("data").path("percent").asInt());
            // A suite running beside the test dead-letters it too (its own journal group): at least once is the point.
            List<String> kept = KafkaTestClient.awaitRaw(Topic.NOTIFICATION.deadLetterTopicName(),
                    value -> value.equals(unreadable) ? value : null, 1, Duration.ofSeconds(20));
            assertFalse(kept.isEmpty(), "the unreadable record is kept on the dead-letter topic");
        }
    }

    private static String notify(String user, ProgressUpdate progress, Set<String> sent) {
        return publish(user, progress, sent).requestId();
    }

    private record Published(String requestId, RecordMetadata at) {
    }

    private static Published publish(String user, ProgressUpdate progress, Set<String> sent) {
        String requestId = "req-" + UUID.randomUUID();
        sent.add(requestId);
        EventEnvelope envelope = EventEnvelope.of(Topic.NOTIFICATION, user, user, Notification.of(user, requestId, progress));
        return new Published(requestId, kafka.sendRaw(Topic.NOTIFICATION.topicName(), user, EventCodec.encode(envelope)));
    }

    /**
     * The dead-letter topic is fed by the shared journal group, not by the socket's own consumer; on a
     * fresh broker the group joins seconds later and starts at the latest offset, so a record sent
     * before it has read one of the user's notifications would never reach it.
     */
    private void untilTheJournalGroupReads(String user, Set<String> sent) {
        for (int attempt = 0; attempt < 12; attempt++) {
            RecordMetadata at = publish(user, new ProgressUpdate("planning", 10, null, null, "deck-1"), sent).at();
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                if (KafkaTestClient.hasRead(journalGroup, at)) {
                    return;
                }
                sleep(250);
            }
        }
        throw new AssertionError("The journal group never read a notification of " + user);
    }

    private static JsonNode untilOneArrives(LiveClient socket, Runnable send) {
        for (int attempt = 0; attempt < 60; attempt++) {
            send.run();
            JsonNode message = pollFor(socket, 1000);
            if (message != null) {
                return message;
            }
        }
        throw new AssertionError("No notification reached the socket");
    }

    private static JsonNode pollFor(LiveClient socket, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode message = socket.poll();
            if (message != null) {
                return message;
            }
            sleep(50);
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
