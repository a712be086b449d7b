package io.slideo.slide.service.export;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Tells a user how a slow export is going (progress_update, stage "exporting") through the outbox.
 * Rendering runs on a worker thread, outside any Hibernate session, so the outbox row is written
 * with the reactive pool directly; no other change goes with it, so it needs no shared transaction.
 */
@ApplicationScoped
public class ExportProgress {
    static final String STAGE = "exporting";

    private final Pool pool;
    private final Outbox outbox;

    ExportProgress(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Blocking (worker threads only); a failure is logged, never fails the export. */
    public void report(String userId, String requestId, String deckId, int percent, String message) {
        try {
            outbox.notifyUser(pool, userId, requestId, new ProgressUpdate(STAGE, percent, message, null, deckId))
                    .await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("Export progress for deck %s could not be queued: %s", deckId, e.getMessage());
        }
    }
}
