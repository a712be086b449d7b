package io.slideo.websocket.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.NotificationDispatcher;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class ResumeTest {
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;
    @Inject
    Vertx vertx;
    @Inject
    NotificationJournal journal;
    @Inject
    NotificationDispatcher dispatcher;

    private final String user = TestTokens.newUser();

    @Test
    void notificationsPublishedWhileTheUserHadNoSocketAreReplayedInOrderOnceThenLiveContinues() {
        awaitConsumersListening();
        List<EventEnvelope> published = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            published.add(publish(user, i));
        }
        await().atMost(Notifications.PATIENCE).until(() -> journal.bounds(user).await().indefinitely().latest() == 5);

        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(resume(client, 2), "resume");
            for (int seq = 3; seq <= 5; seq++) {
                JsonNode replayed = client.next();
                EventEnvelope original = published.get(seq - 1);
                assertEquals(seq, replayed.path("seq").asLong(), replayed.toString());
                assertEquals("progress_update", replayed.path("type").asText());
                assertEquals(original.eventId().toString(), replayed.path("id").asText(), "a replay is the message itself");
                assertEquals("req-" + seq, replayed.path("request_id").asText());
                assertEquals(seq * 10, replayed.path("data").path("percent").asInt());
            }

            publish(user, 6);
            JsonNode live = client.next();
            assertEquals(6, live.path("seq").asLong(), live.toString());
            assertEquals("req-6", live.path("request_id").asText());
            assertNothingElseQueued(client);
        }
    }

    @Test
    void notificationsArrivingWhileAResumeReplaysComeOnceAndAfterIt() throws Exception {
        awaitConsumersListening();
        for (int i = 1; i <= 300; i++) {
            Notifications.journal(journal, user, i);
        }
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String resume = resume(client, 0);
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int i = 301; i <= 330; i++) {
                    publish(user, i);
                }
            });
            client.expectAck(resume, "resume");
            List<Long> seqs = new ArrayList<>();
            while (seqs.size() < 330) {
                JsonNode message = client.next();
                assertTrue(message.hasNonNull("seq"), message.toString());
                seqs.add(message.path("seq").asLong());
            }
            publishing.get();
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals(i + 1, seqs.get(i), "in order, each once: " + seqs);
            }
            assertNothingElseQueued(client);
        }
    }

    @Test
    void aResumeSentLateReplaysOnlyWhatThisConnectionHasNotSeen() {
        Notifications.journal(journal, user, 1);
        Notifications.journal(journal, user, 2);
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-3", 30, null));
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-4", 40, null));
            assertEquals(3, client.next().path("seq").asLong());
            assertEquals(4, client.next().path("seq").asLong());

            client.expectAck(resume(client, 0), "resume");
            assertEquals(1, client.next().path("seq").asLong());
            assertEquals(2, client.next().path("seq").asLong());
            assertNothingElseQueued(client);
        }
    }

    @Test
    void aResumeWithNothingMissedSendsNothingAndLiveGoesOn() {
        Notifications.journal(journal, user, 1);
        double currentBefore = resumesCounted("current");
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(resume(client, 1), "resume");
            // The ack precedes the journal read: a notification published before that read would be
            // replayed (rightly), so the live one waits until the resume has found nothing missed.
            await().atMost(Duration.ofSeconds(10)).until(() -> resumesCounted("current") > currentBefore);
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-2", 20, null));
            JsonNode live = client.next();
            assertEquals(2, live.path("seq").asLong(), live.toString());
            assertNothingElseQueued(client);
        }
        given().get(metrics).then().statusCode(200)
                .body(containsString("slideo_websocket_delivery_latency_seconds_bucket"));
    }

    @Test
    void aResumeAheadOfTheJournalIsToldToResync() {
        Notifications.journal(journal, user, 1);
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String id = resume(client, 99);
            client.expectAck(id, "resume");
            JsonNode resync = client.next();
            assertEquals("resync_required", resync.path("type").asText(), resync.toString());
            assertEquals(id, resync.path("request_id").asText());
            assertEquals(99, resync.path("data").path("last_seq").asLong());
            assertEquals(1, resync.path("data").path("latest_seq").asLong());
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-2", 20, null));
            assertEquals(2, client.next().path("seq").asLong());
        }
    }

    @Test
    void aResumeWithoutAValidLastSeqIsInvalidFieldAndLiveDeliveryGoesOn() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String missing = client.send("resume", LiveClient.data());
            client.expectAck(missing, "resume");
            JsonNode error = client.next();
            assertEquals("INVALID_FIELD", error.path("data").path("code").asText(), error.toString());
            assertTrue(error.path("data").path("message").asText().contains("last_seq"), error.toString());

            String negative = client.send("resume", LiveClient.data().put("last_seq", -4));
            client.expectAck(negative, "resume");
            assertEquals("INVALID_FIELD", client.next().path("data").path("code").asText());

            String wrongType = client.send("resume", LiveClient.data().put("last_seq", "yesterday"));
            JsonNode typed = client.next();
            assertEquals("INVALID_FIELD", typed.path("data").path("code").asText(), typed.toString());
            assertEquals(wrongType, typed.path("request_id").asText());

            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-1", 10, null));
            assertEquals(1, client.next().path("seq").asLong());
        }
    }

    private static String resume(LiveClient client, long lastSeq) {
        return client.send("resume", LiveClient.data().put("last_seq", lastSeq));
    }

    private static EventEnvelope publish(String user, int n) {
        EventEnvelope envelope = Notifications.progress(user, "req-" + n, n * 10, "step " + n);
        kafka.send(Topic.NOTIFICATION, envelope);
        return envelope;
    }

    /** A ping's ack comes next only if nothing else was waiting to be sent before it. */
    private static void assertNothingElseQueued(LiveClient client) {
        String id = client.send("ping", LiveClient.data());
        client.expectAck(id, "ping");
    }

    /** This instance reads notification.v1 from the end once its partitions are assigned; wait for that. */
    private void awaitConsumersListening() {
        String probe = TestTokens.newUser();
        try (LiveClient socket = LiveClient.withQueryToken(vertx, base, TestTokens.valid(probe))) {
            socket.expectAck(socket.send("ping", LiveClient.data()), "ping");
            Set<String> sent = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                String requestId = "probe-" + UUID.randomUUID();
                sent.add(requestId);
                kafka.send(Topic.NOTIFICATION, Notifications.progress(probe, requestId, 1, null));
                JsonNode message = socket.poll();
                return message != null && sent.contains(message.path("request_id").asText());
            });
        }
    }

    private double resumesCounted(String outcome) {
        String prefix = "slideo_websocket_resumes_total{outcome=\"" + outcome + "\"} ";
        return given().get(metrics).then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix))
                // The value, without the exemplar (" # {span_id=...}") a count made under a span carries.
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).split(" # ")[0].trim()))
                .findFirst().orElse(0);
    }
}
