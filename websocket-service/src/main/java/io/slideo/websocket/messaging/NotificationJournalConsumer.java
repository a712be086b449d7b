package io.slideo.websocket.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.websocket.service.NotificationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * The shared journal group ({@code websocket-journal}): all instances together read
 * notification.v1 once, with committed offsets, and journal every notification, so one published
 * while no instance had its user's socket (or while instances restarted) is still numbered and
 * replayable. A record that cannot be read goes to the dead-letter topic; Redis being down is
 * waited out (the record is retried, never skipped).
 */
@ApplicationScoped
public class NotificationJournalConsumer {
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final NotificationDispatcher dispatcher;

    NotificationJournalConsumer(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("notification-journal")
    public Uni<Void> onNotification(String record) {
        EventEnvelope envelope = EventCodec.decode(record);
        return dispatcher.journal(envelope, NotificationRecords.read(envelope), PATIENCE).replaceWithVoid();
    }
}
