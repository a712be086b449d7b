package io.slideo.websocket.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.InstanceLease;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * What an instance does on its own clock: keeps its liveness key in Redis, pings every socket,
 * closes connections that went silent (no message, no pong) for the idle timeout, and on shutdown closes every socket
 * with 1012 and a reason that says to reconnect and resume, before the HTTP server goes.
 */
@ApplicationScoped
public class InstanceHousekeeping {
    private static final String RESTART_REASON = "Server restarting; reconnect and send resume with your last seq";

    private final LiveInstance instance;
    private final InstanceLease lease;
    private final ConnectionRegistry registry;
    private final ConnectionLifecycle lifecycle;
    private final LiveChannelConfig config;
    private final Vertx vertx;
    private long heartbeatTimer = -1;
    private long sweepTimer = -1;
    private long pingTimer = -1;

    InstanceHousekeeping(LiveInstance instance, InstanceLease lease, ConnectionRegistry registry,
            ConnectionLifecycle lifecycle, LiveChannelConfig config, Vertx vertx) {
        this.instance = instance;
        this.lease = lease;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        try {
            lease.renew(instance.incarnation()).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("Could not announce instance %s in Redis yet: %s", instance.name(), e.toString());
        }
        heartbeatTimer = vertx.setPeriodic(config.instanceHeartbeat().toMillis(), id -> lease.renew(instance.incarnation())
                .subscribe().with(ignored -> {
                }, failure -> Log.warnf("Could not renew instance %s in Redis: %s", instance.name(),
                        failure.toString())));
        long sweep = Math.max(250, config.idleTimeout().toMillis() / 4);
        sweepTimer = vertx.setPeriodic(sweep, id -> closeIdle());
        // One timer for all sockets rather than one each: an idle socket costs no scheduled task.
        pingTimer = vertx.setPeriodic(config.pingInterval().toMillis(), id -> registry.all().forEach(LiveConnection::ping));
        Log.infof("Live channel instance %s (%s) up", instance.name(), instance.incarnation());
    }

    private void closeIdle() {
        long now = System.currentTimeMillis();
        long idle = config.idleTimeout().toMillis();
        for (LiveConnection connection : registry.all()) {
            if (now - connection.lastActivityMillis() > idle && connection.isOpen()) {
                connection.markClosed();
                Log.debugf("Closing idle connection %s of user %s", connection.id(), connection.userId());
                lifecycle.close(connection, 1000, "Closed after " + config.idleTimeout().toSeconds()
                        + " s without a message or pong", "idle").subscribe().with(ignored -> {
                        });
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(sweepTimer);
        vertx.cancelTimer(pingTimer);
        drain();
    }

    /** Stops taking connections (readiness goes down, upgrades get 503) and closes every socket with 1012. */
    public void drain() {
        instance.drain();
        List<Uni<Void>> closing = new ArrayList<>();
        for (LiveConnection connection : registry.all()) {
            connection.markClosed();
            closing.add(lifecycle.close(connection, ConnectionLifecycle.SERVICE_RESTART, RESTART_REASON, "shutdown"));
        }
        Log.infof("Instance %s shutting down: closing %d connection(s) with 1012", instance.name(), closing.size());
        try {
            if (!closing.isEmpty()) {
                Uni.join().all(closing).andCollectFailures().await().atMost(config.shutdownGrace());
            }
            lease.end(instance.incarnation()).await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            Log.warnf("Shutdown of instance %s did not finish cleanly: %s", instance.name(), e.toString());
        }
    }
}
