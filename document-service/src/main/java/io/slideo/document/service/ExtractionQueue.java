package io.slideo.document.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.model.event.DocumentUploaded;
import io.slideo.model.event.Topic;
import io.slideo.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hands stored documents to the workers fairly: each user has at most {@code per-user} documents
 * being read at once, the rest wait here, oldest first, and the next one goes as soon as one of
 * theirs is read or failed. So one user's fifty scans queue behind each other, not in front of
 * everyone else's: another user's document waits for at most the parses already under way.
 *
 * <p>Every path goes through {@link #dispatch}: right after an upload, after each extraction result,
 * and in a sweep every few seconds that catches whatever a crash or an outage interrupted (a
 * document is committed before it is dispatched, so nothing is lost in between).
 */
@ApplicationScoped
public class ExtractionQueue {
    // One transaction per user at a time, so two uploads at once cannot both take the last place.
    private static final String LOCK_USER = "select pg_advisory_xact_lock(hashtext($1))";
    private static final String NEXT = """
            select id, request_id, file_name, media_type, size_bytes, blob_key from document
            where user_id = $1 and status = 'UPLOADED' and dispatched_at is null
            order by created_at, id
            limit greatest(0, $2 - (select count(*) from document
                                    where user_id = $1 and status = 'UPLOADED' and dispatched_at is not null))""";
    private static final String MARK = "update document set dispatched_at = now(), updated_at = now() where id = $1";
    private static final String WAITING = """
            select distinct user_id from document where status = 'UPLOADED' and dispatched_at is null limit 1000""";

    private final Pool pool;
    private final Outbox outbox;
    private final Vertx vertx;
    private final int perUser;
    private final Duration sweepEvery;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long timer = -1;

    ExtractionQueue(Pool pool, Outbox outbox, Vertx vertx,
            @ConfigProperty(name = "slideo.documents.extraction.per-user", defaultValue = "1") int perUser,
            @ConfigProperty(name = "slideo.documents.extraction.sweep-every", defaultValue = "5s") Duration sweepEvery) {
        if (perUser < 1) {
            throw new IllegalArgumentException("slideo.documents.extraction.per-user must be at least 1, not " + perUser);
        }
        this.pool = pool;
        this.outbox = outbox;
        this.vertx = vertx;
        this.perUser = perUser;
        this.sweepEvery = sweepEvery;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(sweepEvery.toMillis(), tick -> sweep());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Sends the user's oldest waiting documents to the workers while they have room; how many went. */
    public Uni<Integer> dispatch(String userId) {
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK_USER).execute(Tuple.of(userId))
                .chain(() -> tx.preparedQuery(NEXT).execute(Tuple.of(userId, perUser)))
                .chain(rows -> {
                    List<Row> next = new ArrayList<>();
                    rows.forEach(next::add);
                    Uni<Void> sent = Uni.createFrom().voidItem();
                    for (Row row : next) {
                        sent = sent.chain(() -> send(tx, userId, row));
                    }
                    return sent.replaceWith(next.size());
                }));
    }

    /** As {@link #dispatch}, for callers whose own work is done whether or not this succeeds now. */
    public Uni<Void> dispatchLater(String userId) {
        return dispatch(userId).onFailure().recoverWithItem(failure -> {
            Log.infof("Documents of user %s wait for the next sweep: %s", userId, failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    private Uni<Void> send(SqlClient tx, String userId, Row row) {
        String id = row.getUUID("id").toString();
        DocumentUploaded uploaded = new DocumentUploaded(id, row.getString("request_id"), row.getString("file_name"),
                row.getString("media_type"), row.getLong("size_bytes"), row.getString("blob_key"));
        return tx.preparedQuery(MARK).execute(Tuple.of(row.getUUID("id")))
                .chain(() -> outbox.publish(tx, Topic.DOCUMENT_UPLOADED, id, userId, uploaded));
    }

    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        pool.query(WAITING).execute()
                .chain(rows -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        String userId = row.getString("user_id");
                        all = all.chain(() -> dispatch(userId).replaceWithVoid());
                    }
                    return all;
                })
                .subscribe().with(done -> sweeping.set(false), failure -> {
                    sweeping.set(false);
                    Log.debugf("Extraction queue sweep failed; the next one tries again: %s", failure.getMessage());
                });
    }
}
