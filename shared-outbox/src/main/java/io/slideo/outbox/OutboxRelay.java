package io.slideo.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.outbox.config.OutboxConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends committed outbox events to Kafka, oldest first, and deletes them once the broker has
 * acknowledged them. Rows are locked with SKIP LOCKED, so several instances share the work; a
 * crash between send and delete means a resend, which consumers drop as a duplicate.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final String CLAIM = """
            select id, topic, message_key, payload from outbox_event
            order by created_at, id limit $1 for update skip locked""";
    private static final String DELETE = "delete from outbox_event where id = any($1)";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long timer = -1;

    OutboxRelay(Pool pool, @Channel("slideo-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter, OutboxConfig config, Vertx vertx) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
    }

    // A Vert.x timer rather than @Scheduled: the scheduler's floor is one second, and every hop
    // of a deck's events waits for this poll.
    void start(@Observes StartupEvent started) {
        long interval = config.pollInterval().toMillis();
        timer = vertx.setPeriodic(1000, interval, tick -> relay());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void relay() {
        if (!busy.compareAndSet(false, true)) {
            return; // the previous pass is still sending
        }
        pool.withTransaction(this::relayBatch).subscribe().with(
                sent -> {
                    busy.set(false);
                    if (sent == config.batchSize()) {
                        relay(); // more are waiting
                    }
                },
                failure -> {
                    busy.set(false);
                    Log.warnf("Outbox relay failed, will retry: %s", failure.getMessage());
                });
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        sends.add(send(row.getString("topic"), row.getString("message_key"), row.getString("payload")));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andFailFast()
                            .chain(() -> connection.preparedQuery(DELETE).execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .map(deleted -> ids.size());
                });
    }

    private Uni<Void> send(String topic, String key, String payload) {
        return emitter.sendMessage(Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .build()));
    }
}
