package io.slideo.slide.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.runtime.notification.NotificationJournal.Slice;
import io.slideo.slide.config.SlideConfig;

/**
 * What a deck's stream missed, read from its user's notification journal (blocking: a worker thread):
 * since a time (a new stream: its deck's current run) or after a number (a client reconnecting with
 * Last-Event-ID). Either way the answer says where in the journal it stopped, so that following it
 * from there neither skips nor repeats an entry.
 */
@ApplicationScoped
public class DeckEventReplay {
    private static final int BATCH = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final NotificationJournal journal;
    private final int scanLimit;

    DeckEventReplay(NotificationJournal journal, SlideConfig config) {
        this.journal = journal;
        this.scanLimit = Math.max(1, config.events().replayScan());
    }

    /** The events that concern the stream, oldest first, and the number after which the journal is to be followed. */
    public record Replay(List<DeckEvent> events, long position) {
    }

    /**
     * The concerning events that happened since {@code sinceMillis}, found by reading the journal back
     * from its latest entry (a user's journal holds all their decks: a run is near its end), for at most
     * the configured number of entries.
     */
    public Replay since(String userId, long sinceMillis, Predicate<DeckEvent> concerns) {
        long latest = journal.bounds(userId).await().atMost(PATIENCE).latest();
        List<DeckEvent> found = new ArrayList<>();
        long before = latest + 1;
        int scanned = 0;
        while (scanned < scanLimit) {
            int count = Math.min(BATCH, scanLimit - scanned);
            List<JournalEntry> older = journal.before(userId, before, count).await().atMost(PATIENCE);
            for (JournalEntry entry : older) {
                if (entry.occurredAtMillis() < sinceMillis) {
                    return new Replay(oldestFirst(found), latest);
                }
                DeckEvent event = DeckEvent.of(entry);
                if (concerns.test(event)) {
                    found.add(event);
                }
            }
            if (older.size() < count) {
                break;
            }
            before = older.get(older.size() - 1).seq();
            scanned += older.size();
        }
        return new Replay(oldestFirst(found), latest);
    }

    /** The concerning events numbered after {@code lastSeq}, in order: a reconnecting client's. */
    public Replay after(String userId, long lastSeq, Predicate<DeckEvent> concerns) {
        List<DeckEvent> found = new ArrayList<>();
        long next = lastSeq + 1;
        while (true) {
            Slice slice = journal.from(userId, next, BATCH).await().atMost(PATIENCE);
            if (lastSeq > slice.latest()) {
                // The journal was reset: its numbers start again, the client's mean nothing.
                Log.infof("Replay after %d for user %s: the journal's numbers end at %d", lastSeq, userId,
                        slice.latest());
                return new Replay(found, slice.latest());
            }
            if (next == lastSeq + 1 && !slice.entries().isEmpty() && slice.entries().get(0).seq() > next) {
                Log.infof("Replay after %d for user %s: entries up to %d are no longer kept", lastSeq, userId,
                        slice.entries().get(0).seq() - 1);
            }
            for (JournalEntry entry : slice.entries()) {
                DeckEvent event = DeckEvent.of(entry);
                if (concerns.test(event)) {
                    found.add(event);
                }
                next = entry.seq() + 1;
            }
            if (slice.entries().size() < BATCH) {
                return new Replay(found, next - 1);
            }
        }
    }

    private static List<DeckEvent> oldestFirst(List<DeckEvent> newestFirst) {
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
