package io.slideo.websocket.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.websocket.service.NotificationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * Every instance reads all of notification.v1 (a consumer group of its own, from the latest
 * record) because any instance may hold the user's socket. Records come in batches, as each poll
 * returned them: a batch is journaled in one Redis pipeline (one round trip, however many users),
 * then offered to the sockets, in the order read; the next batch starts when that one is numbered,
 * so each user's notifications keep their order. Under load batches grow, so the cost per
 * notification falls as the rate rises. Nothing is committed in this group. A record that cannot
 * be read is skipped here: the shared journal group sends it to the dead-letter topic, once.
 */
@ApplicationScoped
public class NotificationConsumer {
    private final NotificationDispatcher dispatcher;

    NotificationConsumer(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("notification")
    public Uni<Void> onNotifications(List<String> records) {
        List<NotificationDispatcher.Read> batch = new ArrayList<>(records.size());
        for (String record : records) {
            try {
                EventEnvelope envelope = EventCodec.decode(record);
                batch.add(new NotificationDispatcher.Read(envelope, NotificationRecords.read(envelope)));
            } catch (EventCodec.MalformedEventException e) {
                Log.debugf("Skipping an unreadable notification: %s", e.getMessage());
            }
        }
        return dispatcher.dispatchAll(batch)
                .onFailure().recoverWithItem(failure -> {
                    Log.errorf("%d notification(s) not delivered here: %s", batch.size(), failure.toString());
                    return null;
                });
    }
}
