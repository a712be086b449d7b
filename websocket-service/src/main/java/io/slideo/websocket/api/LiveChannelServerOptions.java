package io.slideo.websocket.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.slideo.websocket.config.LiveChannelConfig;
import io.vertx.core.http.HttpServerOptions;

/**
 * The HTTP server's WebSocket settings. Browsers offer {@code ["slideo.v1", "bearer.<jwt>"]}: the
 * server answers with the protocol version (shared-runtime's BearerTokenCarrier has taken the token
 * from the second entry). Frames and messages are capped at the same size. Compression is off: a
 * deflater per socket would cost more memory than all the rest of an idle socket, for small messages.
 */
@ApplicationScoped
public class LiveChannelServerOptions implements HttpServerOptionsCustomizer {
    static final String SUBPROTOCOL = "slideo.v1";

    private final int maxMessageSize;

    LiveChannelServerOptions(LiveChannelConfig config) {
        this.maxMessageSize = config.maxMessageSize();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setWebSocketSubProtocols(List.of(SUBPROTOCOL))
                .setMaxWebSocketFrameSize(maxMessageSize)
                .setMaxWebSocketMessageSize(maxMessageSize)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }
}
