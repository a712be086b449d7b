package io.slideo.websocket.repository;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;

@QuarkusTest
@TestProfile(JournalRetentionTest.ShortJournal.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class JournalRetentionTest {
    public static class ShortJournal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.notification-journal.max-length", "5", "slideo.notification-journal.retention", "PT2S",
                    "slideo.notification-journal.max-bytes", "1000");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    NotificationJournal journal;
    @Inject
    RedisDataSource redis;

    private final String user = TestTokens.newUser();

    @Test
    void aUserKeepsOnlyTheNewestEntriesAndTheirIdsButNumbersNeverRestart() {
        for (int i = 0; i < 8; i++) {
            append();
        }

        NotificationJournal.Bounds bounds = journal.bounds(user).await().atMost(PATIENCE);
        assertEquals(8, bounds.latest());
        assertEquals(4, bounds.oldest());
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), journal.from(user, 1, 100).await().atMost(PATIENCE).entries().stream()
                .map(JournalEntry::seq).toList());
        assertEquals(5, redis.hash(String.class).hgetall("slideo:journal:{" + user + "}:events").size(),
                "the ids of trimmed entries go with them");
    }

    @Test
    void entriesOlderThanTheRetentionGoAndTheJournalExpiresWhenQuiet() {
        append();
        append();
        await().pollDelay(Duration.ofMillis(2100)).atMost(PATIENCE).until(() -> true);
        append();

        NotificationJournal.Bounds bounds = journal.bounds(user).await().atMost(PATIENCE);
        assertEquals(3, bounds.latest());
        assertEquals(3, bounds.oldest(), "the two older than the retention were trimmed");
        long ttl = redis.key().pttl("slideo:journal:{" + user + "}:stream");
        assertTrue(ttl > 0 && ttl <= 2000, "the stream expires with the retention: " + ttl);
        assertEquals(-1, redis.key().pttl("slideo:journal:{" + user + "}:seq"), "the counter never expires");
    }

    @Test
    void aFewLargeNotificationsPushOutTheOldestByTheirBytesButTheNewestAlwaysStays() {
        append();
        append(data(400));
        append(data(400));
        assertEquals(List.of(1L, 2L, 3L), seqs(), "802 bytes fit in 1000");
        append(data(400));
        assertEquals(List.of(3L, 4L), seqs(), "the oldest go until the rest fit");
        assertEquals("800", redis.value(String.class).get("slideo:journal:{" + user + "}:bytes"));
        append(data(1500));
        assertEquals(List.of(5L), seqs(), "one larger than the limit is kept alone, not lost");
        assertEquals(1, redis.hash(String.class).hgetall("slideo:journal:{" + user + "}:events").size());
    }

    private List<Long> seqs() {
        return journal.from(user, 1, 100).await().atMost(PATIENCE).entries().stream().map(JournalEntry::seq).toList();
    }

    private static String data(int bytes) {
        return "{\"text\":\"" + "x".repeat(bytes - 11) + "\"}";
    }

    private void append() {
        append("{}");
    }

    private void append(String data) {
        journal.journal(user, UUID.randomUUID().toString(), "progress_update", "req", System.currentTimeMillis(), data)
                .await().atMost(PATIENCE);
    }
}
