package io.slideo.websocket.service;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.config.JwtConfig;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.slideo.websocket.repository.SessionStore.Admission;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

/**
 * Opening and closing sockets: the limits (per instance here, per user across instances in
 * Redis), the registry, the session, and the connection's timers: the end of its token's
 * validity and the window in which a reconnecting client's resume is awaited.
 */
@ApplicationScoped
public class ConnectionLifecycle {
    /** RFC 6455 1008: the client broke a rule (too many connections, an expired token). */
    static final int POLICY_VIOLATION = 1008;
    /** RFC 6455 1011: the server failed (here: sessions could not be stored). */
    static final int INTERNAL_ERROR = 1011;
    /** RFC 6455 1012 "Service Restart": reconnect, the service is back in a moment (on another instance). */
    static final int SERVICE_RESTART = 1012;
    /** RFC 6455 1013 "Try Again Later": the server is overloaded, the client should come back. */
    static final int TRY_AGAIN_LATER = 1013;

    private final ConnectionRegistry registry;
    private final SessionStore sessions;
    private final MessageSender sender;
    private final NotificationDelivery delivery;
    private final LiveMetrics metrics;
    private final LiveInstance instance;
    private final LiveChannelConfig config;
    private final long clockSkewMillis;
    private final Vertx vertx;

    ConnectionLifecycle(ConnectionRegistry registry, SessionStore sessions, MessageSender sender,
            NotificationDelivery delivery, LiveMetrics metrics, LiveInstance instance, LiveChannelConfig config,
            JwtConfig jwt, Vertx vertx) {
        this.registry = registry;
        this.sessions = sessions;
        this.sender = sender;
        this.delivery = delivery;
        this.metrics = metrics;
        this.instance = instance;
        this.config = config;
        this.clockSkewMillis = jwt.clockSkewSeconds() * 1000L;
        this.vertx = vertx;
    }

    /** The connection a verified upgrade became, on the socket's event loop; {@link #open} admits it. */
    public LiveConnection connection(ServerWebSocket socket, JsonWebToken token, String clientId) {
        long expiresAt = token.getExpirationTime() > 0 ? token.getExpirationTime() * 1000 + clockSkewMillis
                : Long.MAX_VALUE;
        return new LiveConnection(MessageSender.newId(), socket, token.getSubject(), token.getRawToken(), expiresAt,
                clientId, Vertx.currentContext());
    }

    /**
     * Admits the connection within the limits and stores its session; true when it may start, false
     * when it was refused (and told why, and closed).
     */
    public Uni<Boolean> open(LiveConnection connection) {
        if (instance.draining()) {
            metrics.refused("draining");
            connection.markClosed();
            return connection.close(SERVICE_RESTART, "This server is restarting; reconnect").replaceWith(false);
        }
        if (!registry.admit(connection)) {
            metrics.refused("instance_limit");
            Log.warnf("Refused connection %s of user %s: %d connections open, the limit", connection.id(),
                    connection.userId(), registry.limit());
            return refuse(connection, TRY_AGAIN_LATER, "Connection limit of this server reached; try again later");
        }
        Uni<Admission> admitting = sessions.admit(connection, instance.name(), instance.incarnation())
                .onFailure().recoverWithItem(failure -> {
                    Log.errorf("Session of connection %s could not be stored: %s", connection.id(), failure.toString());
                    return null;
                })
                .memoize().indefinitely();
        // First in the connection's queue: a release on close waits until the admission is stored.
        connection.enqueue(admitting::replaceWithVoid);
        return admitting.chain(admission -> {
            if (admission == null) {
                registry.remove(connection.id());
                metrics.refused("sessions_down");
                connection.markClosed();
                String reason = "Sessions are unavailable; try again shortly";
                return sender.error(connection, null, new SlideoException(ErrorCode.UNAVAILABLE, reason))
                        .chain(() -> connection.close(INTERNAL_ERROR, reason)).replaceWith(false);
            }
            if (admission == Admission.REFUSED_USER_LIMIT) {
                registry.remove(connection.id());
                metrics.refused("user_limit");
                Log.infof("Refused connection %s of user %s: %d connections open, the limit per user",
                        connection.id(), connection.userId(), config.maxConnectionsPerUser());
                return refuse(connection, POLICY_VIOLATION, "Connection limit per user ("
                        + config.maxConnectionsPerUser() + ") reached; close another connection first");
            }
            Log.debugf("Connection %s opened for user %s (%s session %s)", connection.id(), connection.userId(),
                    admission == Admission.CONTINUED_SESSION ? "continued" : "new", connection.sessionId());
            connection.context().runOnContext(ignored -> startTimers(connection));
            return Uni.createFrom().item(true);
        });
    }

    private Uni<Boolean> refuse(LiveConnection connection, int code, String reason) {
        connection.markClosed();
        return sender.error(connection, null, new SlideoException(ErrorCode.CONNECTION_LIMIT, reason))
                .chain(() -> connection.close(code, reason)).replaceWith(false);
    }

    /** On the connection's event loop, so the timers fire there too. */
    private void startTimers(LiveConnection connection) {
        long untilExpiry = connection.tokenExpiresAtMillis() - System.currentTimeMillis();
        if (untilExpiry <= 0) {
            expire(connection);
            return;
        }
        if (untilExpiry < Long.MAX_VALUE / 2) {
            connection.timer(vertx.setTimer(untilExpiry, id -> expire(connection)));
        }
        connection.timer(vertx.setTimer(Math.max(1, config.resumeWindow().toMillis()),
                id -> delivery.windowPassed(connection)));
    }

    /** The token ran out: the client is told why, then the socket closes; it reconnects with a fresh token. */
    public void expire(LiveConnection connection) {
        if (!connection.isOpen()) {
            return;
        }
        connection.markClosed();
        metrics.closed("token_expired");
        Log.infof("Token of user %s expired; closing connection %s", connection.userId(), connection.id());
        String reason = "Token expired; reconnect with a fresh token";
        sender.error(connection, null, new SlideoException(ErrorCode.UNAUTHORIZED,
                "Your access token expired; reconnect with a fresh one (resume picks up where you were)"))
                .chain(() -> connection.close(POLICY_VIOLATION, reason))
                .subscribe().with(ignored -> {
                }, failure -> Log.debugf("Closing connection %s: %s", connection.id(), failure.toString()));
    }

    /** Closes a connection for a server-side reason (idle, shutdown) with a code and a reason the client can act on. */
    public Uni<Void> close(LiveConnection connection, int code, String reason, String metric) {
        metrics.closed(metric);
        return connection.close(code, reason);
    }

    /** The session stays (disconnected) for the client to come back to; only the connection stops counting. */
    public void closed(LiveConnection connection) {
        connection.markClosed();
        if (registry.remove(connection.id()).isEmpty()) {
            return; // refused, or closed before: it never counted
        }
        connection.cancelTimers(vertx);
        Log.debugf("Connection %s of user %s closed", connection.id(), connection.userId());
        connection.enqueue(() -> sessions.release(connection, instance.incarnation())
                .onFailure().invoke(failure -> Log.warnf("Connection %s not released: %s", connection.id(),
                        failure.toString()))
                .onFailure().recoverWithNull());
    }
}
