package io.slideo.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.outbox.config.WatchdogConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Fails work that made no progress for longer than its patience and tells its user, so that nothing
 * a user asked for stays "drafting" or "writing" for ever. Each pass marks and tells in one
 * transaction per kind of work; every instance runs it, and a row is failed once (the update that
 * fails it is the one that finds it still unfinished). Asking again starts the work afresh; a late
 * result that does arrive still completes it.
 */
@ApplicationScoped
public class Watchdog {
    private final Instance<StuckWork> kinds;
    private final Pool pool;
    private final Vertx vertx;
    private final WatchdogConfig config;
    private final MeterRegistry meters;
    private final Outbox outbox;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long timer = -1;

    Watchdog(Instance<StuckWork> kinds, Pool pool, Vertx vertx, WatchdogConfig config, MeterRegistry meters,
            Outbox outbox) {
        this.outbox = outbox;
        this.kinds = kinds;
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.meters = meters;
    }

    void start(@Observes StartupEvent started) {
        if (!kinds.isUnsatisfied()) {
            timer = vertx.setPeriodic(config.every().toMillis(), tick -> pass());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void pass() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        Uni<Void> all = Uni.createFrom().voidItem();
        for (StuckWork kind : kinds) {
            all = all.chain(() -> check(kind));
        }
        all.subscribe().with(done -> busy.set(false), failure -> {
            busy.set(false);
            Log.warnf("Watchdog pass failed; the next one tries again: %s", failure.getMessage());
        });
    }

    private Uni<Void> check(StuckWork kind) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(kind.patience());
        return pool.withTransaction(tx -> kind.failStuck(tx, cutoff).call(stuck -> tell(tx, stuck)))
                .invoke(stuck -> {
                    if (!stuck.isEmpty()) {
                        Log.warnf("Watchdog failed %d %s that made no progress for %s", stuck.size(), kind.name(),
                                kind.patience());
                        meters.counter("slideo.watchdog.failed", "work", kind.name()).increment(stuck.size());
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> tell(SqlClient tx, List<StuckWork.Stuck> stuck) {
        Uni<Void> told = Uni.createFrom().voidItem();
        for (StuckWork.Stuck one : stuck) {
            told = told.chain(() -> outbox.notifyUser(tx, one.userId(), one.requestId(), one.message()));
        }
        return told;
    }
}
