package io.slideo.websocket.service;

import java.time.Duration;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.websocket.domain.JournalEntry;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.NotificationJournal;
import io.smallrye.mutiny.Uni;

/**
 * A notification's two paths. Journaling numbers it in its user's sequence (idempotently, so every
 * caller gets the same number). Dispatching journals it too, then hands it to every socket its user
 * has open on this instance; other instances do the same for theirs. Dispatch journals even when
 * the user has no socket here: a socket that opens a moment later and resumes must find it in the
 * journal, whatever the shared journal group's lag. Writes are not awaited, so one slow socket
 * never holds up the next notification.
 */
@ApplicationScoped
public class NotificationDispatcher {
    private final NotificationJournal journal;
    private final ConnectionRegistry registry;
    private final NotificationDelivery delivery;
    private final LiveMetrics metrics;

    NotificationDispatcher(NotificationJournal journal, ConnectionRegistry registry, NotificationDelivery delivery,
            LiveMetrics metrics) {
        this.journal = journal;
        this.registry = registry;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    /** Numbers the notification (once, whoever asks first); retries while Redis is unreachable. */
    public Uni<JournalEntry> journal(EventEnvelope envelope, Notification notification, Duration patience) {
        String eventId = envelope.eventId().toString();
        String type = notification.type().wireName();
        long occurredAt = envelope.occurredAt() != null ? envelope.occurredAt().toEpochMilli()
                : System.currentTimeMillis();
        String data = notification.data() == null ? "{}" : notification.data().toString();
        return journal.journal(notification.userId(), eventId, type, notification.requestId(), occurredAt, data)
                .onFailure().invoke(failure -> Log.warnf("Journaling notification %s of user %s failed, retrying: %s",
                        eventId, notification.userId(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).expireIn(patience.toMillis())
                .map(journaled -> {
                    if (journaled.first()) {
                        metrics.journaled();
                    }
                    return new JournalEntry(journaled.seq(), eventId, type, notification.requestId(), occurredAt, data);
                });
    }

    public Uni<Void> dispatch(EventEnvelope envelope, Notification notification) {
        return journal(envelope, notification, Duration.ofSeconds(30))
                .invoke(entry -> {
                    Collection<LiveConnection> connections = registry.ofUser(notification.userId());
                    if (!connections.isEmpty()) {
                        Log.debugf("Notification %s #%d (request %s) to %d connection(s) of user %s", entry.type(),
                                entry.seq(), entry.requestId(), connections.size(), notification.userId());
                    }
                    for (LiveConnection connection : connections) {
                        delivery.offer(connection, entry);
                    }
                })
                .replaceWithVoid();
    }
}
