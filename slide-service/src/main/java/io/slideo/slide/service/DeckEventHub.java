package io.slideo.slide.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.slide.config.SlideConfig;

/**
 * Follows, in Redis, the notification journals (websocket-service writes them) of the users with an
 * open event stream on this instance, and hands each stream its user's new entries in order. One
 * thread reads all the followed journals with one blocking read at a time, so the streams cost no
 * Redis connection each and this instance keeps no notifications of its own.
 *
 * <p>Every stream follows from its own position (the last number it replayed or was given); a read
 * starts at the lowest position of a user's streams, and an entry goes only to streams whose
 * position the read started from, so a stream that joined during a read is caught up by the next
 * one, and no stream gets a number twice.
 */
@ApplicationScoped
public class DeckEventHub {
    private static final int READ_COUNT = 100;
    private static final Duration READ_PATIENCE = Duration.ofSeconds(10);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    /** One stream's place in its user's journal: the entries numbered after {@code after} go to its sink. */
    public static final class Follower {
        private final String userId;
        private final Consumer<JournalEntry> sink;
        // Written by the reading thread only (and before the follower is shared).
        private volatile long after;

        private Follower(String userId, long after, Consumer<JournalEntry> sink) {
            this.userId = userId;
            this.after = after;
            this.sink = sink;
        }

        private void take(List<JournalEntry> entries) {
            for (JournalEntry entry : entries) {
                if (entry.seq() > after) {
                    after = entry.seq();
                    sink.accept(entry);
                }
            }
        }
    }

    private final NotificationJournal journal;
    private final Duration wait;
    // Guarded by this.
    private final Map<String, Set<Follower>> followers = new HashMap<>();
    private volatile boolean running;
    private Thread reader;

    DeckEventHub(NotificationJournal journal, SlideConfig config) {
        this.journal = journal;
        this.wait = config.events().followWait();
    }

    /** Gives {@code sink} the user's entries numbered after {@code after}, in order, until unfollowed. */
    public synchronized Follower follow(String userId, long after, Consumer<JournalEntry> sink) {
        Follower follower = new Follower(userId, after, sink);
        followers.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>()).add(follower);
        notifyAll();
        return follower;
    }

    public synchronized void unfollow(Follower follower) {
        Set<Follower> ofUser = followers.get(follower.userId);
        if (ofUser != null && ofUser.remove(follower) && ofUser.isEmpty()) {
            followers.remove(follower.userId);
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        reader = new Thread(this::readLoop, "deck-event-journals");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        if (reader != null) {
            reader.interrupt();
        }
    }

    private void readLoop() {
        while (running) {
            try {
                Map<String, Long> from = positions();
                if (from.isEmpty()) {
                    continue;
                }
                Map<String, List<JournalEntry>> read = journal.follow(from, READ_COUNT, wait).await()
                        .atMost(wait.plus(READ_PATIENCE));
                read.forEach((userId, entries) -> deliver(userId, from.get(userId), entries));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("Reading the notification journals failed, trying again: %s", e.toString());
                pause();
            }
        }
    }

    /** Each followed user's lowest position; waits while no stream is open. */
    private synchronized Map<String, Long> positions() throws InterruptedException {
        while (running && followers.isEmpty()) {
            wait();
        }
        Map<String, Long> from = new LinkedHashMap<>();
        followers.forEach((userId, ofUser) -> ofUser.stream().mapToLong(f -> f.after).min()
                .ifPresent(lowest -> from.put(userId, lowest)));
        return from;
    }

    private void deliver(String userId, Long readFrom, List<JournalEntry> entries) {
        List<Follower> covered = new ArrayList<>();
        synchronized (this) {
            for (Follower follower : followers.getOrDefault(userId, Set.of())) {
                if (readFrom != null && follower.after >= readFrom) {
                    covered.add(follower);
                }
            }
        }
        for (Follower follower : covered) {
            try {
                follower.take(entries);
            } catch (RuntimeException e) {
                Log.warnf("A deck event stream of user %s failed to take its events: %s", userId, e.toString());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
