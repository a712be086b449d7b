package io.slideo.websocket.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.websocket.service.NotificationDispatcher;

/** Notifications made up for tests, handed to the dispatcher or the journal as a consumer would. */
final class Notifications {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private Notifications() {
    }

    static EventEnvelope progress(String user, String requestId, int percent, String message) {
        return EventEnvelope.of(Topic.NOTIFICATION, user, user,
                Notification.of(user, requestId, new ProgressUpdate("writing", percent, message, null, "deck-1")));
    }

    /** As the notification consumer does: journal it, then write it to the user's sockets here. */
    static void dispatch(NotificationDispatcher dispatcher, EventEnvelope envelope) {
        dispatcher.dispatchAll(List.of(new NotificationDispatcher.Read(envelope, envelope.payloadAs(Notification.class))))
                .await().atMost(PATIENCE);
    }

    /** As the shared journal group does for a user with no socket: number it, deliver nothing. */
    static long journal(NotificationJournal journal, String user, int percent) {
        return journal.journal(user, UUID.randomUUID().toString(), "progress_update", "req-" + percent,
                System.currentTimeMillis(), "{\"stage\":\"writing\",\"percent\":" + percent + "}")
                .await().atMost(PATIENCE).seq();
    }
}
