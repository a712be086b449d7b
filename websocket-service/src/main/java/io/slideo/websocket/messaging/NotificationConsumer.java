package io.slideo.websocket.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.websocket.service.NotificationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * Every instance reads all of notification.v1 (a consumer group of its own, from the latest
 * record) because any instance may hold the user's socket. Records are handled one at a time, so
 * a user's notifications keep their order. A record that cannot be read is skipped here: the
 * shared journal group sends it to the dead-letter topic, once.
 */
@ApplicationScoped
public class NotificationConsumer {
    private final NotificationDispatcher dispatcher;

    NotificationConsumer(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("notification")
    public Uni<Void> onNotification(String record) {
        EventEnvelope envelope;
        Notification notification;
        try {
            envelope = EventCodec.decode(record);
            notification = NotificationRecords.read(envelope);
        } catch (EventCodec.MalformedEventException e) {
            Log.debugf("Skipping an unreadable notification: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return dispatcher.dispatch(envelope, notification)
                .onFailure().recoverWithItem(failure -> {
                    Log.errorf("Notification %s of user %s not delivered here: %s", envelope.eventId(),
                            notification.userId(), failure.toString());
                    return null;
                });
    }
}
