package io.slideo.websocket.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal.Journaled;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class NotificationJournalTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    NotificationJournal journal;

    @Inject
    ReactiveRedisDataSource redis;

    private final String user = TestTokens.newUser();

    @Test
    void journalingTheSameEventAgainGivesItsNumberBackAndAddsNothing() {
        String event = UUID.randomUUID().toString();
        Journaled first = append(event, "{\"percent\":10}");
        Journaled again = append(event, "{\"percent\":10}");

        assertEquals(1, first.seq());
        assertTrue(first.first());
        assertEquals(1, again.seq());
        assertFalse(again.first());
        assertEquals(1, journal.from(user, 1, 10).await().atMost(PATIENCE).entries().size());
        assertEquals(1, journal.bounds(user).await().atMost(PATIENCE).latest());
    }

    @Test
    void aRedisThatForgotTheScriptIsTaughtItAgain() {
        // As after a Redis restart: the pipeline's calls by SHA fail with "ERR [0] NOSCRIPT ...".
        redis.execute("SCRIPT", "FLUSH").await().atMost(PATIENCE);
        Journaled first = append(UUID.randomUUID().toString(), "{\"percent\":10}");
        redis.execute("SCRIPT", "FLUSH").await().atMost(PATIENCE);
        Journaled second = append(UUID.randomUUID().toString(), "{\"percent\":20}");

        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
    }

    @Test
    void callersRacingOnTheSameEventsAllGetTheSameNumbers() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(UUID.randomUUID().toString());
        }
        // Four "instances" journal the same forty events at once, as the shared group and every
        // instance's own consumer do.
        List<Uni<String>> calls = new ArrayList<>();
        for (int caller = 0; caller < 4; caller++) {
            for (String event : events) {
                calls.add(journal.journal(user, event, "progress_update", "req", System.currentTimeMillis(), "{}")
                        .map(journaled -> event + "=" + journaled.seq()));
            }
        }
        List<String> answers = Uni.join().all(calls).andFailFast().await().atMost(PATIENCE);

        Set<String> distinct = new TreeSet<>(answers);
        assertEquals(40, distinct.size(), "every caller got the same number for each event: " + distinct);
        Set<Long> numbers = distinct.stream().map(a -> Long.parseLong(a.substring(a.indexOf('=') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(LongRange.of(1, 40), numbers);
        assertEquals(40, journal.from(user, 1, 100).await().atMost(PATIENCE).entries().size());
    }

    @Test
    void entriesComeBackAsJournaledInNumberOrderFromTheOneAskedFor() {
        for (int i = 1; i <= 5; i++) {
            journal.journal(user, "event-" + i + "-" + user, i % 2 == 0 ? "slide_complete" : "progress_update",
                    i == 3 ? null : "request-" + i, 1_000_000L + i, "{\"n\":" + i + ",\"text\":\"a \\\"quoted\\\" word\"}")
                    .await().atMost(PATIENCE);
        }

        List<JournalEntry> entries = journal.from(user, 3, 10).await().atMost(PATIENCE).entries();
        assertEquals(List.of(3L, 4L, 5L), entries.stream().map(JournalEntry::seq).toList());
        JournalEntry third = entries.get(0);
        assertEquals("event-3-" + user, third.eventId());
        assertEquals("progress_update", third.type());
        assertEquals(null, third.requestId());
        assertEquals(1_000_003L, third.occurredAtMillis());
        assertEquals("{\"n\":3,\"text\":\"a \\\"quoted\\\" word\"}", third.data());
        assertEquals("slide_complete", entries.get(1).type());
        assertEquals(List.of(1L, 2L), journal.from(user, 1, 2).await().atMost(PATIENCE).entries().stream()
                .map(JournalEntry::seq).toList());
    }

    @Test
    void anEmptyJournalEndsAtZeroAndKeepsNothing() {
        NotificationJournal.Bounds bounds = journal.bounds(user).await().atMost(PATIENCE);
        assertEquals(0, bounds.latest());
        assertEquals(1, bounds.oldest());
        assertTrue(journal.from(user, 1, 10).await().atMost(PATIENCE).entries().isEmpty());
    }

    private Journaled append(String event, String data) {
        return journal.journal(user, event, "progress_update", "req-1", System.currentTimeMillis(), data)
                .await().atMost(PATIENCE);
    }

    /** The numbers from..to as a sorted set. */
    private static final class LongRange {
        static Set<Long> of(long from, long to) {
            Set<Long> all = new TreeSet<>();
            for (long i = from; i <= to; i++) {
                all.add(i);
            }
            return all;
        }
    }
}
