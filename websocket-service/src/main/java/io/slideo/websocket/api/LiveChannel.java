package io.slideo.websocket.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.slideo.websocket.service.ClientMessageRouter;
import io.slideo.websocket.service.ConnectionLifecycle;
import io.slideo.websocket.service.ConnectionRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;

/**
 * The live channel. The upgrade is authenticated like any request (the token may ride in
 * {@code ?access_token=} or a {@code bearer.<jwt>} subprotocol); the user is the token's
 * {@code sub}, never anything a message says.
 */
@WebSocket(path = "/ws")
public class LiveChannel {
    /** RFC 6455 1009: the message was larger than the server accepts. */
    private static final int MESSAGE_TOO_BIG = 1009;
    /** A client id names a client for its session: short and plain, or it is ignored. */
    private static final String CLIENT_ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    private final SecurityIdentity identity;
    private final ConnectionLifecycle lifecycle;
    private final ConnectionRegistry registry;
    private final ClientMessageRouter router;
    private final int maxMessageSize;

    LiveChannel(SecurityIdentity identity, ConnectionLifecycle lifecycle, ConnectionRegistry registry,
            ClientMessageRouter router,
            @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size") int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        this.identity = identity;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.router = router;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection socket) {
        return lifecycle.open(socket, (JsonWebToken) identity.getPrincipal(), clientIdOf(socket));
    }

    @OnTextMessage
    public Uni<Void> onText(WebSocketConnection socket, String text) {
        return registry.find(socket.id())
                .map(connection -> router.onText(connection, text))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection socket, Buffer data) {
        return registry.find(socket.id())
                .map(router::onBinary)
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    @OnPongMessage
    public void onPong(WebSocketConnection socket, Buffer data) {
        registry.find(socket.id()).ifPresent(router::onPong);
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection socket) {
        return lifecycle.closed(socket);
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection socket, Throwable failure) {
        if (tooBig(failure)) {
            // A message split into frames under the frame limit but over the message limit: Vert.x stops
            // buffering it and says so; the socket is closed as RFC 6455 asks (a single oversized frame
            // never gets here: Netty refuses it with 1009 from its header, before reading it).
            Log.debugf("Connection %s sent a message over the size limit", socket.id());
            return socket.close(new CloseReason(MESSAGE_TOO_BIG, "Message too big: the limit is " + maxMessageSize
                    + " bytes")).onFailure().recoverWithNull();
        }
        if (failure instanceof HttpClosedException) {
            return Uni.createFrom().voidItem();
        }
        Log.errorf(failure, "Failure on connection %s", socket.id());
        return Uni.createFrom().voidItem();
    }

    private static boolean tooBig(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof CorruptedWebSocketFrameException
                || message != null && message.contains("max message size");
    }

    /** A client may name itself at the upgrade ({@code ?client_id=}) to find its session again when it returns. */
    private static String clientIdOf(WebSocketConnection socket) {
        String query = socket.handshakeRequest().query();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("client_id=") && pair.length() > "client_id=".length()) {
                String clientId = URLDecoder.decode(pair.substring("client_id=".length()), StandardCharsets.UTF_8);
                return clientId.matches(CLIENT_ID_PATTERN) ? clientId : null;
            }
        }
        return null;
    }
}
