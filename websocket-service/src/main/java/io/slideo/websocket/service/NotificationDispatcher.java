package io.slideo.websocket.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.websocket.domain.JournalEntry;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.NotificationJournal;
import io.slideo.websocket.repository.NotificationJournal.Journaled;
import io.smallrye.mutiny.Uni;

/**
 * A notification's two paths. Journaling numbers it in its user's sequence (idempotently, so every
 * caller gets the same number). Dispatching journals a batch of them (one Redis pipeline), then
 * hands each, in the order read, to every socket its user has on this instance. A number this
 * instance already learnt (the other path journaled the event first) is taken from
 * {@link JournaledEvents} instead of asking Redis again.
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

    /** Numbers the notification (once, whoever asks first); retries while Redis is unreachable. */
    public Uni<JournalEntry> journal(EventEnvelope envelope, Notification notification, Duration patience) {
        NotificationJournal.Event event = eventOf(envelope, notification);
        Long known = journaled.seqOf(event.eventId());
        if (known != null) {
            return Uni.createFrom().item(entry(event, known));
        }
        return journal.journal(event.userId(), event.eventId(), event.type(), event.requestId(),
                        event.occurredAtMillis(), event.data())
                .onFailure().invoke(failure -> Log.warnf("Journaling notification %s of user %s failed, retrying: %s",
                        event.eventId(), event.userId(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).expireIn(patience.toMillis())
                .map(result -> learnt(event, result));
    }

    public Uni<Void> dispatch(EventEnvelope envelope, Notification notification) {
        return dispatchAll(List.of(new Read(envelope, notification)));
    }

    /** A notification as read from the topic. */
    public record Read(EventEnvelope envelope, Notification notification) {
    }

    /**
     * Journals the notifications (those not numbered here yet in one pipeline), then offers each to
     * its user's sockets on this instance, in the order given; retries while Redis is unreachable.
     */
    public Uni<Void> dispatchAll(List<Read> batch) {
        List<NotificationJournal.Event> events = new ArrayList<>(batch.size());
        long[] seqs = new long[batch.size()];
        List<NotificationJournal.Event> unknown = new ArrayList<>();
        List<Integer> unknownAt = new ArrayList<>();
        for (Read read : batch) {
            NotificationJournal.Event event = eventOf(read.envelope(), read.notification());
            Long known = journaled.seqOf(event.eventId());
            if (known == null) {
                unknown.add(event);
                unknownAt.add(events.size());
            } else {
                seqs[events.size()] = known;
            }
            events.add(event);
        }
        Uni<List<Journaled>> numbering = unknown.isEmpty() ? Uni.createFrom().item(List.of())
                : journal.journalAll(unknown)
                        .onFailure().invoke(failure -> Log.warnf("Journaling %d notification(s) failed, retrying: %s",
                                unknown.size(), failure.toString()))
                        .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2))
                        .expireIn(DISPATCH_PATIENCE.toMillis());
        return numbering.invoke(results -> {
            for (int i = 0; i < unknown.size(); i++) {
                seqs[unknownAt.get(i)] = learnt(unknown.get(i), results.get(i)).seq();
            }
            for (int i = 0; i < events.size(); i++) {
                NotificationJournal.Event event = events.get(i);
                Collection<LiveConnection> connections = registry.ofUser(event.userId());
                if (!connections.isEmpty()) {
                    JournalEntry entry = entry(event, seqs[i]);
                    for (LiveConnection connection : connections) {
                        delivery.offer(connection, entry);
                    }
                }
            }
        }).replaceWithVoid();
    }

    private JournalEntry learnt(NotificationJournal.Event event, Journaled result) {
        if (result.first()) {
            metrics.journaled();
        }
        journaled.remember(event.eventId(), result.seq());
        return entry(event, result.seq());
    }

    private static NotificationJournal.Event eventOf(EventEnvelope envelope, Notification notification) {
        long occurredAt = envelope.occurredAt() != null ? envelope.occurredAt().toEpochMilli()
                : System.currentTimeMillis();
        String data = notification.data() == null ? "{}" : notification.data().toString();
        return new NotificationJournal.Event(notification.userId(), envelope.eventId().toString(),
                notification.type().wireName(), notification.requestId(), occurredAt, data);
    }

    private static JournalEntry entry(NotificationJournal.Event event, long seq) {
        return new JournalEntry(seq, event.eventId(), event.type(), event.requestId(), event.occurredAtMillis(),
                event.data());
    }
}
