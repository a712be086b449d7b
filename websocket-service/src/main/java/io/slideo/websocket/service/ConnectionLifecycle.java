package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.smallrye.mutiny.Uni;

/** Opening and closing sockets: the per-instance limit, the registry, and the session in Redis. */
@ApplicationScoped
public class ConnectionLifecycle {
    /** RFC 6455 1013 "Try Again Later": the server is overloaded, the client should come back. */
    static final int TRY_AGAIN_LATER = 1013;

    private final ConnectionRegistry registry;
    private final SessionStore sessions;
    private final MessageSender sender;

    ConnectionLifecycle(ConnectionRegistry registry, SessionStore sessions, MessageSender sender) {
        this.registry = registry;
        this.sessions = sessions;
        this.sender = sender;
    }

    public Uni<Void> open(WebSocketConnection socket, String userId, String bearerToken, String clientId) {
        LiveConnection connection = new LiveConnection(socket, userId, bearerToken, clientId);
        if (!registry.admit(connection)) {
            Log.warnf("Refused connection %s of user %s: %d connections open, the limit", socket.id(), userId,
                    registry.limit());
            String reason = "Connection limit of this server reached; try again later";
            return sender.error(connection, null, new SlideoException(ErrorCode.CONNECTION_LIMIT, reason))
                    .chain(() -> socket.close(new CloseReason(TRY_AGAIN_LATER, reason)));
        }
        Log.infof("Connection %s opened for user %s", socket.id(), userId);
        return sessions.open(connection)
                .onFailure().recoverWithUni(failure -> {
                    Log.errorf("Session of connection %s could not be stored: %s", socket.id(), failure.toString());
                    String reason = "Sessions are unavailable; try again shortly";
                    return sender.error(connection, null, new SlideoException(ErrorCode.UNAVAILABLE, reason))
                            .chain(() -> socket.close(new CloseReason(CloseReason.INTERNAL_SERVER_ERROR.getCode(), reason)));
                });
    }

    /** The session goes once the work queued for the socket is done, so that work cannot write it again. */
    public Uni<Void> close(WebSocketConnection socket) {
        return registry.remove(socket.id())
                .map(connection -> {
                    connection.markClosed();
                    Log.infof("Connection %s of user %s closed", socket.id(), connection.userId());
                    return Uni.createFrom().completionStage(connection.enqueue(() -> sessions.close(connection)
                            .onFailure().invoke(failure -> Log.warnf("Session of connection %s not removed: %s",
                                    socket.id(), failure.toString()))
                            .onFailure().recoverWithNull()));
                })
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
