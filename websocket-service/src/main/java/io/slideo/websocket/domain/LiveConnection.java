package io.slideo.websocket.domain;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * One open socket of one user on this instance. The user id and token come from the verified
 * upgrade, never from a message. Work for the socket's messages runs one after another, in the
 * order the messages came, while acks go out at once.
 */
public final class LiveConnection {
    private final WebSocketConnection socket;
    private final String userId;
    private final String bearerToken;
    private volatile String clientId;
    private volatile boolean open = true;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public LiveConnection(WebSocketConnection socket, String userId, String bearerToken, String clientId) {
        this.socket = socket;
        this.userId = userId;
        this.bearerToken = bearerToken;
        this.clientId = clientId;
    }

    public String id() {
        return socket.id();
    }

    public WebSocketConnection socket() {
        return socket;
    }

    public String userId() {
        return userId;
    }

    /** The user's own token, forwarded when this service calls another on the user's behalf. */
    public String authorization() {
        return "Bearer " + bearerToken;
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
        return open && socket.isOpen();
    }

    public void markClosed() {
        open = false;
    }

    /** Runs {@code work} after everything queued before it has finished, whatever its outcome. */
    public synchronized CompletableFuture<Void> enqueue(Supplier<Uni<Void>> work) {
        CompletableFuture<Void> next = tail.handle((ignored, failure) -> null)
                .thenCompose(ignored -> work.get().subscribeAsCompletionStage());
        tail = next;
        return next;
    }
}
