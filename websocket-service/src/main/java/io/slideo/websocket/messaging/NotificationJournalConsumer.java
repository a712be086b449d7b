package io.slideo.websocket.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.websocket.service.JournaledEvents;
import io.slideo.websocket.service.NotificationDispatcher;
import io.slideo.websocket.service.NotificationDispatcher.Read;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The shared journal group ({@code websocket-journal}): all instances together read
 * notification.v1 once, with committed offsets, and journal every notification, so one published
 * while no instance had its user's socket (or while instances restarted) is still numbered and
 * replayable.
 *
 * <p>Records come in batches, as each poll returned them, and a batch is journaled in one Redis
 * pipeline: one record at a time, catching up on a backlog (after an outage, say) ran at the pace
 * of a round trip each. A record that cannot be read goes to the dead-letter topic on its own
 * while the rest of its batch is journaled. While Redis is down the batch is retried, for up to ten
 * minutes; after that it goes to the dead-letter topic, as work that keeps failing does. A record whose event this instance's delivery group has already journaled (its
 * number is in {@link JournaledEvents}) is done without being decoded again: only its event id is
 * read. The batch is acknowledged, and its offsets committed, once all of it is done.
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
    public Uni<Void> onNotifications(KafkaRecordBatch<String, String> batch) {
        List<Read> readable = new ArrayList<>(batch.getRecords().size());
        List<Uni<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            String value = record.getPayload();
            String eventId = eventIdOf(value);
            if (eventId != null && journaled.seqOf(eventId) != null) {
                continue;
            }
            try {
                EventEnvelope envelope = EventCodec.decode(value);
                readable.add(new Read(envelope, NotificationRecords.read(envelope)));
            } catch (RuntimeException unreadable) {
                deadLettered.add(Uni.createFrom().completionStage(() -> record.nack(unreadable)));
            }
        }
        List<Uni<Void>> work = new ArrayList<>(deadLettered);
        work.add(dispatcher.journalAll(readable, PATIENCE));
        return Uni.join().all(work).andCollectFailures()
                .onItemOrFailure().transformToUni((done, failure) -> Uni.createFrom().completionStage(
                        failure == null ? batch.ack() : batch.nack(failure)));
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
