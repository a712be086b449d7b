package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.NotificationDispatcher;
import io.vertx.core.Vertx;

@QuarkusTest
@TestProfile(ResyncTest.FiveKept.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class ResyncTest {
    public static class FiveKept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.notification-journal.max-length", "5");
        }
    }

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    NotificationJournal journal;
    @Inject
    NotificationDispatcher dispatcher;

    private final String user = TestTokens.newUser();

    @Test
    void aResumeFromBeforeWhatTheServerKeepsGetsResyncRequiredWithWhatToReloadThenLiveContinues() {
        for (int i = 1; i <= 8; i++) {
            Notifications.journal(journal, user, i);
        }
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String id = client.send("resume", LiveClient.data().put("last_seq", 1));
            client.expectAck(id, "resume");

            JsonNode resync = client.next();
            assertEquals("resync_required", resync.path("type").asText(), resync.toString());
            assertEquals(id, resync.path("request_id").asText());
            JsonNode data = resync.path("data");
            assertEquals(1, data.path("last_seq").asLong());
            assertEquals(4, data.path("oldest_seq").asLong());
            assertEquals(8, data.path("latest_seq").asLong());
            List<String> fetch = LiveClient.MAPPER.convertValue(data.path("fetch"), List.class);
            assertTrue(fetch.contains("GET /api/v1/decks") && fetch.contains("GET /api/v1/documents"), fetch.toString());
            assertTrue(data.path("message").asText().contains("reload"), data.toString());

            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-9", 90, null));
            JsonNode live = client.next();
            assertEquals(9, live.path("seq").asLong(), live.toString());
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
        }
    }

    @Test
    void aResumeWithinWhatTheServerKeepsReplaysIt() {
        for (int i = 1; i <= 8; i++) {
            Notifications.journal(journal, user, i);
        }
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("resume", LiveClient.data().put("last_seq", 3)), "resume");
            for (int seq = 4; seq <= 8; seq++) {
                assertEquals(seq, client.next().path("seq").asLong());
            }
        }
    }
}
