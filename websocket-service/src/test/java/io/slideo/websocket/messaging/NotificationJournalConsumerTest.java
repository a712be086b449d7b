package io.slideo.websocket.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;

/** The journal group reads a record's event id alone to find out whether this instance journaled it already. */
class NotificationJournalConsumerTest {

    @Test
    void readsTheEventIdOfAnEnvelopeWithoutDecodingTheRest() {
        EventEnvelope envelope = EventEnvelope.of(Topic.NOTIFICATION, "user-1", "user-1",
                Notification.of("user-1", "req-1", new ProgressUpdate("writing", 50, null, null, "deck-1")));
        assertEquals(envelope.eventId().toString(), NotificationJournalConsumer.eventIdOf(EventCodec.encode(envelope)));
        assertEquals("e-2", NotificationJournalConsumer.eventIdOf("{\"payload\":{\"eventId\":\"inner\"},\"eventId\":\"e-2\"}"));
    }

    @Test
    void findsNoEventIdInWhatIsNotAnEnvelope() {
        assertNull(NotificationJournalConsumer.eventIdOf("not json"));
        assertNull(NotificationJournalConsumer.eventIdOf("[\"eventId\"]"));
        assertNull(NotificationJournalConsumer.eventIdOf("{\"eventId\":7}"));
        assertNull(NotificationJournalConsumer.eventIdOf("{\"type\":\"notification\"}"));
    }
}
