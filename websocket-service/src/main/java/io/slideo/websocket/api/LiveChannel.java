package io.slideo.websocket.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.service.ClientMessageRouter;
import io.slideo.websocket.service.ConnectionLifecycle;
import io.slideo.websocket.service.LiveInstance;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The live channel at {@code /ws}, on Vert.x's own WebSocket: the upgrade is authenticated like any
 * request (the token may ride in {@code ?access_token=} or a {@code bearer.<jwt>} subprotocol) and the
 * user is the token's {@code sub}, never anything a message says. Once upgraded, nothing of the
 * HTTP request is kept: a socket costs its Netty channel and a {@link LiveConnection}, which is what
 * lets one instance hold tens of thousands of them.
 *
 * <p>The answer to the upgrade names the instance ({@code X-Slideo-Instance}), so operators and
 * tests can tell which one holds a socket; while the instance drains, upgrades get 503 so the
 * gateway tries another.
 */
@ApplicationScoped
public class LiveChannel {
    static final String PATH = "/ws";
    static final String INSTANCE_HEADER = "X-Slideo-Instance";
    /** RFC 6455 1009: the message was larger than the server accepts. */
    private static final int MESSAGE_TOO_BIG = 1009;
    /** A client id names a client for its session: short and plain, or it is ignored. */
    private static final String CLIENT_ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    private final ConnectionLifecycle lifecycle;
    private final ClientMessageRouter router;
    private final LiveInstance instance;
    private final int maxMessageSize;

    LiveChannel(ConnectionLifecycle lifecycle, ClientMessageRouter router, LiveInstance instance,
            LiveChannelConfig config) {
        this.lifecycle = lifecycle;
        this.router = router;
        this.instance = instance;
        this.maxMessageSize = config.maxMessageSize();
    }

    void route(@Observes Router routes) {
        routes.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.response().putHeader(INSTANCE_HEADER, instance.name());
        if (instance.draining()) {
            context.response().setStatusCode(503).end("This server is restarting; connect again");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            context.response().setStatusCode(400).end("Upgrade to a WebSocket to use " + PATH);
            return;
        }
        // The permission policy lets only authenticated requests reach this handler.
        JsonWebToken token = (JsonWebToken) ((QuarkusHttpUser) context.user()).getSecurityIdentity().getPrincipal();
        String clientId = clientIdOf(request.getParam("client_id"));
        request.toWebSocket()
                .onSuccess(socket -> open(socket, token, clientId))
                .onFailure(failure -> Log.debugf("Upgrade failed: %s", failure.toString()));
    }

    /** On the socket's event loop, right after the handshake. */
    private void open(ServerWebSocket socket, JsonWebToken token, String clientId) {
        // Messages wait until the connection is admitted and its session stored.
        socket.pause();
        LiveConnection connection = lifecycle.connection(socket, token, clientId);
        socket.textMessageHandler(text -> router.onText(connection, text));
        socket.binaryMessageHandler(data -> router.onBinary(connection));
        socket.pongHandler(data -> router.onPong(connection));
        socket.exceptionHandler(failure -> failed(connection, failure));
        socket.closeHandler(ignored -> lifecycle.closed(connection));
        lifecycle.open(connection).subscribe().with(admitted -> {
            if (admitted) {
                socket.resume();
            }
        }, failure -> Log.errorf(failure, "Opening connection %s failed", connection.id()));
    }

    private void failed(LiveConnection connection, Throwable failure) {
        if (failure instanceof HttpClosedException) {
            return;
        }
        if (tooBig(failure)) {
            // A message split into frames under the frame limit but over the message limit: Vert.x stops
            // buffering it and says so; the socket is closed as RFC 6455 asks (a single oversized frame
            // never gets here whole: Netty refuses it with 1009 from its header, before reading it).
            Log.debugf("Connection %s sent a message over the size limit", connection.id());
            connection.markClosed();
            connection.close(MESSAGE_TOO_BIG, "Message too big: the limit is " + maxMessageSize + " bytes")
                    .subscribe().with(ignored -> {
                    });
            return;
        }
        Log.errorf(failure, "Failure on connection %s", connection.id());
    }

    private static boolean tooBig(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof CorruptedWebSocketFrameException
                || message != null && message.contains("max message size");
    }

    /** A client may name itself at the upgrade ({@code ?client_id=}) to find its session again when it returns. */
    private static String clientIdOf(String clientId) {
        return clientId != null && clientId.matches(CLIENT_ID_PATTERN) ? clientId : null;
    }
}
