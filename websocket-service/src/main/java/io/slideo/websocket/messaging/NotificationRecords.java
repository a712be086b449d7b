package io.slideo.websocket.messaging;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;

/** Reads a notification out of its envelope, refusing one that names no user or type. */
final class NotificationRecords {
    private NotificationRecords() {
    }

    static Notification read(EventEnvelope envelope) {
        Notification notification = envelope.payloadAs(Notification.class);
        if (notification.userId() == null || notification.type() == null) {
            throw new EventCodec.MalformedEventException("Notification lacks userId or type");
        }
        return notification;
    }
}
