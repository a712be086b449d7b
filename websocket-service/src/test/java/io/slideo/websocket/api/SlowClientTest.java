package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
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
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.NotificationDispatcher;
import io.vertx.core.Vertx;

@QuarkusTest
@TestProfile(SlowClientTest.ShortQueues.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class SlowClientTest {
    public static class ShortQueues implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // 800 notifications of 32 KiB: the journal keeps them all (past its 16 MiB default) for the resume.
            return Map.of("slideo.websocket.max-queued-messages", "20",
                    "slideo.notification-journal.retention", "PT5M", "slideo.notification-journal.max-bytes", "64M");
        }
    }

    /** Enough to fill the kernel's socket buffers on loopback several times over. */
    private static final int NOTIFICATIONS = 800;
    private static final String PADDING = "x".repeat(32 * 1024);

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    NotificationDispatcher dispatcher;

    @Test
    void aClientThatStopsReadingIsToldToResyncGetsEverythingByResumingAndNobodyElseWaits() {
        String slowUser = TestTokens.newUser();
        String fastUser = TestTokens.newUser();
        try (LiveClient slow = LiveClient.withQueryToken(vertx, base, TestTokens.valid(slowUser));
                LiveClient fast = LiveClient.withQueryToken(vertx, base, TestTokens.valid(fastUser))) {
            slow.expectAck(slow.send("ping", LiveClient.data()), "ping");
            fast.expectAck(fast.send("ping", LiveClient.data()), "ping");
            slow.pause();

            // Each notification reaches the reading client before the next is sent, while the other's pile up.
            for (int i = 1; i <= NOTIFICATIONS; i++) {
                Notifications.dispatch(dispatcher, Notifications.progress(slowUser, "slow-" + i, i % 100, PADDING));
                Notifications.dispatch(dispatcher, Notifications.progress(fastUser, "fast-" + i, i % 100, PADDING));
                assertEquals(i, fast.next().path("seq").asLong(), "the fast reader got everything, in order");
            }

            slow.resume();
            List<Long> seqs = new ArrayList<>();
            JsonNode message = slow.next();
            while (!"resync_required".equals(message.path("type").asText())) {
                seqs.add(message.path("seq").asLong());
                message = slow.next();
            }
            long lastSeq = message.path("data").path("last_seq").asLong();
            assertTrue(lastSeq < NOTIFICATIONS, "the slow reader fell behind at " + lastSeq);
            assertEquals(lastSeq, seqs.size(), "it got everything up to where it fell behind");
            assertEquals(NOTIFICATIONS, message.path("data").path("latest_seq").asLong());

            String resume = slow.send("resume", LiveClient.data().put("last_seq", lastSeq));
            slow.expectAck(resume, "resume");
            while (seqs.size() < NOTIFICATIONS) {
                seqs.add(slow.next().path("seq").asLong());
            }
            for (int i = 0; i < NOTIFICATIONS; i++) {
                assertEquals(i + 1, seqs.get(i), "each once, in order");
            }
            slow.expectAck(slow.send("ping", LiveClient.data()), "ping");
        }
    }
}
