package io.slideo.websocket.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.slideo.websocket.service.ClientMessageRouter;
import io.slideo.websocket.service.ConnectionLifecycle;
import io.slideo.websocket.service.ConnectionRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * The live channel. The upgrade is authenticated like any request (the token may ride in
 * {@code ?access_token=} or a {@code bearer.<jwt>} subprotocol); the user is the token's
 * {@code sub}, never anything a message says.
 */
@WebSocket(path = "/ws")
public class LiveChannel {
    private final SecurityIdentity identity;
    private final ConnectionLifecycle lifecycle;
    private final ConnectionRegistry registry;
    private final ClientMessageRouter router;

    LiveChannel(SecurityIdentity identity, ConnectionLifecycle lifecycle, ConnectionRegistry registry,
            ClientMessageRouter router) {
        this.identity = identity;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.router = router;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection socket) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        return lifecycle.open(socket, token.getSubject(), token.getRawToken(), clientIdOf(socket));
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

    @OnClose
    public Uni<Void> onClose(WebSocketConnection socket) {
        return lifecycle.close(socket);
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection socket, Throwable failure) {
        Log.errorf(failure, "Failure on connection %s", socket.id());
        return Uni.createFrom().voidItem();
    }

    /** A client may name itself at the upgrade ({@code ?client_id=}); messages may name it later. */
    private static String clientIdOf(WebSocketConnection socket) {
        String query = socket.handshakeRequest().query();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("client_id=") && pair.length() > "client_id=".length()) {
                return URLDecoder.decode(pair.substring("client_id=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
