package io.slideo.slide.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.slide.service.DeckEventHub;

/**
 * Reads every user notification (a consumer group per instance, from the end, like the WebSocket
 * service) for the decks' server-sent event streams. Nothing here changes state, so a record that
 * cannot be read is skipped with a warning rather than sent to a DLQ (websocket-service does that).
 */
@ApplicationScoped
public class DeckNotificationsConsumer {
    private final DeckEventHub hub;

    DeckNotificationsConsumer(DeckEventHub hub) {
        this.hub = hub;
    }

    @Incoming("deck-notifications")
    public void onNotification(String record) {
        try {
            EventEnvelope event = EventCodec.decode(record);
            hub.publish(event.payloadAs(Notification.class), event.occurredAt());
        } catch (RuntimeException e) {
            Log.warnf("Notification skipped by the deck event streams: %s", e.getMessage());
        }
    }
}
