package io.slideo.websocket.messaging;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.websocket.service.JournaledEvents;
import io.slideo.websocket.service.NotificationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * The shared journal group ({@code websocket-journal}): all instances together read
 * notification.v1 once, with committed offsets, and journal every notification, so one published
 * while no instance had its user's socket (or while instances restarted) is still numbered and
 * replayable. A record that cannot be read goes to the dead-letter topic; Redis being down is
 * waited out (the record is retried, never skipped). A record whose event this instance's delivery
 * group has already journaled (its number is in {@link JournaledEvents}) is done without being
 * decoded again: only its event id is read.
 */
@ApplicationScoped
public class NotificationJournalConsumer {
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final JsonFactory JSON = new JsonFactory();

    private final NotificationDispatcher dispatcher;
    private final JournaledEvents journaled;

    NotificationJournalConsumer(NotificationDispatcher dispatcher, JournaledEvents journaled) {
        this.dispatcher = dispatcher;
        this.journaled = journaled;
    }

    @Incoming("notification-journal")
    public Uni<Void> onNotification(String record) {
        String eventId = eventIdOf(record);
        if (eventId != null && journaled.seqOf(eventId) != null) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope envelope = EventCodec.decode(record);
        return dispatcher.journal(envelope, NotificationRecords.read(envelope), PATIENCE).replaceWithVoid();
    }

    /** The envelope's top-level {@code eventId}, read without decoding the rest; null when there is none to read. */
    static String eventIdOf(String record) {
        try (JsonParser parser = JSON.createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("eventId")) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
