package io.slideo.slide.service.export;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells a user how a slow export is going (progress_update, stage "exporting") through the outbox.
 * Rendering runs on a worker thread, outside any Hibernate session, so the outbox row is written
 * with the reactive pool directly; no other change goes with it, so it needs no shared transaction.
 */
@ApplicationScoped
public class ExportProgress {
    static final String STAGE = "exporting";
    private static final String INSERT = """
            insert into outbox_event (id, topic, message_key, payload, created_at) values ($1, $2, $3, $4, now())""";

    private final Pool pool;

    ExportProgress(Pool pool) {
        this.pool = pool;
    }

    /** Blocking (worker threads only); a failure is logged, never fails the export. */
    public void report(String userId, String requestId, String deckId, int percent, String message) {
        Notification notification = Notification.of(userId, requestId,
                new ProgressUpdate(STAGE, percent, message, null, deckId));
        EventEnvelope envelope = EventEnvelope.of(Topic.NOTIFICATION, userId, userId, notification);
        try {
            pool.preparedQuery(INSERT).execute(Tuple.of(envelope.eventId(), Topic.NOTIFICATION.topicName(), userId,
                    EventCodec.encode(envelope))).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("Export progress for deck %s could not be queued: %s", deckId, e.getMessage());
        }
    }
}
