package io.slideo.websocket.domain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One open socket of one user on this instance. The user id, token and its expiry come from the
 * verified upgrade, never from a message. Work for the socket's messages runs one after another,
 * in the order the messages came, while acks go out at once. Notifications are written only from
 * the socket's own event loop ({@link #context()}), so they leave in the order they were numbered;
 * {@link #delivery()} is touched only there.
 */
public final class LiveConnection {
    private static final Buffer PING = Buffer.buffer(new byte[0]);

    private final String id;
    private final ServerWebSocket socket;
    private final String userId;
    private final String bearerToken;
    private final String sessionId;
    private final long tokenExpiresAtMillis;
    private final Context context;
    private final DeliveryState delivery = new DeliveryState();
    private volatile String clientId;
    private volatile boolean open = true;
    private volatile long lastActivityMillis = System.currentTimeMillis();
    private volatile long lastSessionTouchMillis = System.currentTimeMillis();
    private volatile boolean greeted;
    private long expiryTimer = -1;
    private long windowTimer = -1;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    // The last message's admission: touched on the socket's event loop only.
    private CompletableFuture<Void> admitted = CompletableFuture.completedFuture(null);

    public LiveConnection(String id, ServerWebSocket socket, String userId, String bearerToken, long tokenExpiresAtMillis,
            String clientId, Context context) {
        this.id = id;
        this.socket = socket;
        this.userId = userId;
        this.bearerToken = bearerToken;
        this.tokenExpiresAtMillis = tokenExpiresAtMillis;
        this.clientId = clientId;
        // A client that names itself at the upgrade gets its session back when it returns.
        this.sessionId = clientId != null ? clientId : id;
        this.context = context;
    }

    public String id() {
        return id;
    }

    /** Writes one text message; the handler runs on the socket's event loop once the socket took it (or could not). */
    public void send(String text, Handler<AsyncResult<Void>> written) {
        socket.writeTextMessage(text, written);
    }

    /** Asks a live client for a pong (browsers answer by themselves); a failure means the socket is going anyway. */
    public void ping() {
        socket.writePing(PING, ignored -> {
        });
    }

    /** Closes the socket with an RFC 6455 code and a reason; completes when the close frame is out (or failed). */
    public Uni<Void> close(int code, String reason) {
        return Uni.createFrom().emitter(emitter -> socket.close((short) code, reason)
                .onComplete(ignored -> emitter.complete(null)));
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The user's own token, forwarded when this service calls another on the user's behalf. */
    public String authorization() {
        return "Bearer " + bearerToken;
    }

    /** When the token stops being valid (its {@code exp} plus the tolerated clock skew), in epoch millis. */
    public long tokenExpiresAtMillis() {
        return tokenExpiresAtMillis;
    }

    public boolean tokenExpired(long nowMillis) {
        return nowMillis >= tokenExpiresAtMillis;
    }

    public Context context() {
        return context;
    }

    public DeliveryState delivery() {
        return delivery;
    }

    public String clientId() {
        return clientId;
    }

    /** The client may name itself in any message; the latest name is the one echoed back. */
    public void clientId(String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            this.clientId = clientId;
        }
    }

    public boolean isOpen() {
        return open && !socket.isClosed();
    }

    public void markClosed() {
        open = false;
    }

    /** A message or a pong came in: the client is there. */
    public void active(long nowMillis) {
        lastActivityMillis = nowMillis;
    }

    public long lastActivityMillis() {
        return lastActivityMillis;
    }

    /** True (once per interval) when the session in Redis is due for renewal. */
    public boolean sessionTouchDue(long nowMillis, long intervalMillis) {
        if (nowMillis - lastSessionTouchMillis < intervalMillis) {
            return false;
        }
        lastSessionTouchMillis = nowMillis;
        return true;
    }

    /** True for the first message only: it decides whether notifications wait for a resume. */
    public boolean firstMessage() {
        if (greeted) {
            return false;
        }
        greeted = true;
        return true;
    }

    /** Remembers one of its two timers (token expiry, resume window) so that closing cancels them. */
    public void timer(long id) {
        if (expiryTimer < 0) {
            expiryTimer = id;
        } else {
            windowTimer = id;
        }
    }

    public void cancelTimers(Vertx vertx) {
        if (expiryTimer >= 0) {
            vertx.cancelTimer(expiryTimer);
        }
        if (windowTimer >= 0) {
            vertx.cancelTimer(windowTimer);
        }
    }

    /**
     * On the socket's event loop: runs {@code then} there with each message's verdict, in the order
     * the messages came, however the verdicts (from Redis) come back; at once when nothing waits.
     */
    public <T> void inArrivalOrder(CompletionStage<T> verdict, Consumer<T> then) {
        CompletableFuture<T> ready = verdict.toCompletableFuture();
        if (admitted.isDone() && ready.isDone() && Vertx.currentContext() == context) {
            then.accept(ready.join());
            return;
        }
        admitted = admitted.thenCombine(ready, (ignored, value) -> value).thenCompose(value -> {
            CompletableFuture<Void> ran = new CompletableFuture<>();
            context.runOnContext(ignored -> {
                try {
                    then.accept(value);
                } finally {
                    ran.complete(null);
                }
            });
            return ran;
        });
    }

    /** Runs {@code work} after everything queued before it has finished, whatever its outcome. */
    public synchronized CompletableFuture<Void> enqueue(Supplier<Uni<Void>> work) {
        CompletableFuture<Void> next = tail.handle((ignored, failure) -> null)
                .thenCompose(ignored -> work.get().subscribeAsCompletionStage());
        tail = next;
        return next;
    }
}
