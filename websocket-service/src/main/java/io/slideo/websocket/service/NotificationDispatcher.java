package io.slideo.websocket.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal.Journaled;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * A notification's two paths, each taking a batch as one poll read it. Journaling numbers the
 * notifications in their users' sequences (idempotently, so every caller gets the same numbers) in
 * one Redis pipeline. Dispatching journals them, then hands each, in the order read, to every
 * socket its user has on this instance. A number this instance already learnt (the other path
 * journaled the event first) is taken from {@link JournaledEvents} instead of asking Redis again.
 */
@ApplicationScoped
public class NotificationDispatcher {
    private static final Duration DISPATCH_PATIENCE = Duration.ofSeconds(30);

    private final NotificationJournal journal;
    private final JournaledEvents journaled;
    private final ConnectionRegistry registry;
    private final NotificationDelivery delivery;
    private final LiveMetrics metrics;

    NotificationDispatcher(NotificationJournal journal, JournaledEvents journaled, ConnectionRegistry registry,
            NotificationDelivery delivery, LiveMetrics metrics) {
        this.journal = journal;
        this.journaled = journaled;
        this.registry = registry;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    /** A notification as read from the topic, and the trace its record carried (the root context when none). */
    public record Read(EventEnvelope envelope, Notification notification, Context cause) {
        public Read(EventEnvelope envelope, Notification notification) {
            this(envelope, notification, Context.root());
        }
    }

    /**
     * Journals the notifications (those not numbered here yet in one pipeline), then offers each to
     * its user's sockets on this instance, in the order given; retries while Redis is unreachable.
     */
    public Uni<Void> dispatchAll(List<Read> batch) {
        List<NotificationJournal.Event> events = eventsOf(batch);
        return numberAll(events, DISPATCH_PATIENCE).invoke(seqs -> {
            for (int i = 0; i < events.size(); i++) {
                NotificationJournal.Event event = events.get(i);
                Collection<LiveConnection> connections = registry.ofUser(event.userId());
                if (!connections.isEmpty()) {
                    JournalEntry entry = event.numbered(seqs[i]);
                    for (LiveConnection connection : connections) {
                        delivery.offer(connection, entry, batch.get(i).cause());
                    }
                }
            }
        }).replaceWithVoid();
    }

    /** Every socket on this instance is sent what its user's journal has that it has not had. */
    public void catchUpAll() {
        registry.all().forEach(delivery::catchUp);
    }

    /** Journals the notifications in the order given, offering them to no socket: the shared journal group's part. */
    public Uni<Void> journalAll(List<Read> batch, Duration patience) {
        return numberAll(eventsOf(batch), patience).replaceWithVoid();
    }

    /**
     * The events' numbers, in the order given: those this instance knows already, the others from
     * one pipeline of journal calls, retried with back-off for up to {@code patience} while Redis is
     * unreachable (the script is idempotent, so a retry gives the same numbers).
     */
    private Uni<long[]> numberAll(List<NotificationJournal.Event> events, Duration patience) {
        long[] seqs = new long[events.size()];
        List<NotificationJournal.Event> unknown = new ArrayList<>();
        List<Integer> unknownAt = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Long known = journaled.seqOf(events.get(i).eventId());
            if (known == null) {
                unknown.add(events.get(i));
                unknownAt.add(i);
            } else {
                seqs[i] = known;
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(seqs);
        }
        return journal.journalAll(unknown)
                .onFailure().invoke(failure -> Log.warnf("Journaling %d notification(s) failed, retrying: %s",
                        unknown.size(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2))
                .expireIn(patience.toMillis())
                .map(results -> {
                    for (int i = 0; i < unknown.size(); i++) {
                        seqs[unknownAt.get(i)] = learnt(unknown.get(i), results.get(i));
                    }
                    return seqs;
                });
    }

    private static List<NotificationJournal.Event> eventsOf(List<Read> batch) {
        List<NotificationJournal.Event> events = new ArrayList<>(batch.size());
        for (Read read : batch) {
            events.add(NotificationJournal.Event.of(read.envelope(), read.notification()));
        }
        return events;
    }

    private long learnt(NotificationJournal.Event event, Journaled result) {
        if (result.first()) {
            metrics.journaled();
        }
        journaled.remember(event.eventId(), result.seq());
        return result.seq();
    }
}
