package io.slideo.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.slideo.outbox.config.OutboxConfig;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends committed outbox events to Kafka, oldest first. Each row has its own outcome: acknowledged
 * rows are deleted, so a later pass never sends them again; a row the broker refuses for good (too
 * large, not serialisable) is set aside as failed, counted, logged and handed to the owning
 * service's {@link OutboxFailureHandler}; a row that could not be sent for now (broker down) stays,
 * and the relay rests, longer after each failed pass. Rows are locked with SKIP LOCKED, so several
 * instances share the work; a crash between send and delete means a resend, which consumers drop.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final String CLAIM = """
            select id, topic, message_key, payload, created_at, traceparent, tracestate from outbox_event where failed_at is null
            order by created_at, id limit $1 for update skip locked""";
    private static final String DELETE_SENT = "delete from outbox_event where id = any($1)";
    private static final String MARK_FAILED = "update outbox_event set failed_at = now(), failure_reason = $2 where id = $1";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final Instance<OutboxFailureHandler> failureHandlers;
    private final MeterRegistry meters;
    private final RelayBackoff backoff;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long timer = -1;

    OutboxRelay(Pool pool, @Channel("slideo-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter, OutboxConfig config, Vertx vertx, Instance<OutboxFailureHandler> failureHandlers,
            MeterRegistry meters) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.failureHandlers = failureHandlers;
        this.meters = meters;
        this.backoff = new RelayBackoff(config.firstBackoff(), config.longestBackoff());
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
        if (backoff.resting(System.nanoTime())) {
            busy.set(false);
            return;
        }
        pool.withTransaction(this::relayBatch).subscribe().with(this::passEnded, failure -> {
            Duration rest = failedPass();
            Log.warnf("Outbox relay pass failed; next try in %d ms: %s", rest.toMillis(), failure.getMessage());
        });
    }

    private void passEnded(RelayPass pass) {
        pass.refused().forEach(this::setAside);
        if (pass.unsent() > 0) {
            Duration rest = failedPass();
            Log.warnf("Outbox relay could not send %d of %d events; next try in %d ms: %s", pass.unsent(),
                    pass.claimed(), rest.toMillis(), pass.firstUnsentReason());
            return;
        }
        backoff.succeeded();
        busy.set(false);
        if (pass.claimed() == config.batchSize()) {
            relay(); // more are waiting
        }
    }

    private Duration failedPass() {
        Duration rest = backoff.failed(System.nanoTime());
        busy.set(false);
        return rest;
    }

    private Uni<RelayPass> relayBatch(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize())).chain(rows -> {
            List<Uni<SendOutcome>> sends = new ArrayList<>();
            for (Row row : rows) {
                sends.add(send(claimed(row)));
            }
            if (sends.isEmpty()) {
                return Uni.createFrom().item(RelayPass.NOTHING);
            }
            return Uni.join().all(sends).andFailFast().chain(outcomes -> record(connection, outcomes));
        });
    }

    /** Deletes what was sent and marks what was refused, in the pass's transaction. */
    private Uni<RelayPass> record(SqlConnection connection, List<SendOutcome> outcomes) {
        RelayPass pass = RelayPass.of(outcomes);
        Uni<Void> deleteSent = pass.sent().isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(DELETE_SENT).execute(Tuple.of(pass.sent().toArray(UUID[]::new)))
                        .replaceWithVoid();
        List<Tuple> refusals = pass.refused().stream().map(r -> Tuple.of(r.event().id, r.reason())).toList();
        Uni<Void> markRefused = refusals.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_FAILED).executeBatch(refusals).replaceWithVoid();
        return deleteSent.chain(() -> markRefused).replaceWith(pass);
    }

    private Uni<SendOutcome> send(OutboxEvent event) {
        // The writer's span is the parent of the send's producer span, whose context the connector puts
        // in the record's traceparent header; consumers continue from there.
        io.opentelemetry.context.Context writer = new TraceContext(event.traceparent, event.tracestate).asParent();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .build()).addMetadata(TracingMetadata.withCurrent(writer)))
                .replaceWith(() -> SendOutcome.sent(event))
                .onFailure().recoverWithItem(failure -> BrokerRefusals.isPermanent(failure)
                        ? SendOutcome.refused(event, BrokerRefusals.reason(failure))
                        : SendOutcome.unsent(event, String.valueOf(failure.getMessage())));
    }

    /** After the refusal is committed: counted, logged with its ids, and handed to the owning service. */
    private void setAside(SendOutcome refused) {
        OutboxEvent event = refused.event();
        event.failedAt = Instant.now();
        event.failureReason = refused.reason();
        meters.counter("slideo.outbox.failed", "type", event.topic).increment();
        Log.errorf("Outbox event %s (%s, key %s, %d characters) refused by the broker and set aside: %s", event.id,
                event.topic, event.messageKey, event.payload.length(), refused.reason());
        for (OutboxFailureHandler handler : failureHandlers) {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(() -> handler.onFailed(event, refused.reason()))
                    .subscribe().with(
                    done -> Log.debugf("Failure of outbox event %s handled by %s", event.id, handler.getClass().getName()),
                    e -> Log.errorf(e, "Handling the failure of outbox event %s (%s) failed", event.id, event.topic)));
        }
    }

    private static OutboxEvent claimed(Row row) {
        OutboxEvent event = new OutboxEvent();
        event.id = row.getUUID("id");
        event.topic = row.getString("topic");
        event.messageKey = row.getString("message_key");
        event.payload = row.getString("payload");
        event.createdAt = row.getOffsetDateTime("created_at").toInstant();
        event.traceparent = row.getString("traceparent");
        event.tracestate = row.getString("tracestate");
        return event;
    }
}
