package io.slideo.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.slideo.model.ws.ServerPayload;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Work a service owns that can stop making progress without anyone noticing (a worker gone, a record
 * lost): a document still being read, a plan still drafting, a deck still being written. The {@link
 * Watchdog} asks each one, now and then, to fail what has made no progress since the cutoff.
 */
public interface StuckWork {
    /** What the work is, for logs and the metric: "plans", "generations". */
    String name();

    /** How long the work may go without progress before it is failed. */
    Duration patience();

    /**
     * Inside the watchdog's transaction: marks failed, with its reason, every piece of work that has
     * made no progress since {@code cutoff}, and returns what to tell whom.
     */
    Uni<List<Stuck>> failStuck(SqlClient transaction, OffsetDateTime cutoff);

    /** One piece of work failed: its user hears {@code message}, answering {@code requestId}. */
    record Stuck(String userId, String requestId, ServerPayload message) {
    }
}
