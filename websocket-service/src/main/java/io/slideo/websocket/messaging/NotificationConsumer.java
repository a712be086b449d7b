package io.slideo.websocket.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.Notification;
import io.slideo.websocket.service.NotificationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * Every instance reads all of notification.v1 (a consumer group of its own, from the latest
 * record) because any instance may hold the user's socket. A record that cannot be read goes to
 * the dead-letter topic.
 */
@ApplicationScoped
public class NotificationConsumer {
    private final NotificationDispatcher dispatcher;

    NotificationConsumer(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("notification")
    public Uni<Void> onNotification(String record) {
        Notification notification = EventCodec.decode(record).payloadAs(Notification.class);
        if (notification.userId() == null || notification.type() == null) {
            throw new EventCodec.MalformedEventException("Notification lacks userId or type");
        }
        return dispatcher.dispatch(notification);
    }
}
