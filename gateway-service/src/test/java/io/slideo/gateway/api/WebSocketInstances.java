package io.slideo.gateway.api;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/**
 * Stand-ins for several websocket-service instances behind one gateway: one nobody listens on
 * (crashed), one that answers upgrades with 503 (shutting down), two that accept and say who they
 * are, and a flooding one (its own gateway) that writes as fast as the tunnel lets it.
 */
public class WebSocketInstances implements QuarkusTestResourceLifecycleManager {
    static final AtomicLong FLOODED_BYTES = new AtomicLong();
    static final int FLOOD_CHUNK = 64 * 1024;

    private Vertx vertx;

    /** The balancing set: dead, draining, a, b. */
    public static class Balanced extends WebSocketInstances {
        @Override
        public Map<String, String> start() {
            startVertx();
            // HTTP pools of one connection: the eight sockets held open at once show tunnels have pools of their own.
            return Map.of("slideo.gateway.max-connections-per-upstream", "1",
                    "slideo.gateway.websocket-service-url", String.join(",",
                    "http://127.0.0.1:" + UnreachableUpstreams.unusedPort(),
                    "http://127.0.0.1:" + listen(request -> request.response().setStatusCode(503).end()),
                    "http://127.0.0.1:" + listenWebSocket("instance-a"),
                    "http://127.0.0.1:" + listenWebSocket("instance-b")));
        }
    }

    /** One instance that floods every socket. */
    public static class Flooding extends WebSocketInstances {
        @Override
        public Map<String, String> start() {
            startVertx();
            return Map.of("slideo.gateway.websocket-service-url", "http://127.0.0.1:" + listen(request ->
                    request.toWebSocket().onSuccess(WebSocketInstances::flood)));
        }
    }

    @Override
    public Map<String, String> start() {
        throw new UnsupportedOperationException("Use Balanced or Flooding");
    }

    void startVertx() {
        vertx = Vertx.vertx();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    int listenWebSocket(String name) {
        return listen(request -> request.toWebSocket().onSuccess(ws -> {
            ws.writeTextMessage(name);
            ws.textMessageHandler(text -> ws.writeTextMessage(name + ":" + text));
        }));
    }

    int listen(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.requestHandler(handler);
        return server.listen().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join()
                .actualPort();
    }

    /** Writes binary chunks whenever the socket's write queue has room, forever. */
    static void flood(ServerWebSocket ws) {
        Buffer chunk = Buffer.buffer(new byte[FLOOD_CHUNK]);
        Runnable[] more = new Runnable[1];
        more[0] = () -> {
            while (!ws.isClosed() && !ws.writeQueueFull()) {
                ws.writeBinaryMessage(chunk);
                FLOODED_BYTES.addAndGet(FLOOD_CHUNK);
            }
            if (!ws.isClosed()) {
                ws.drainHandler(v -> more[0].run());
            }
        };
        more[0].run();
    }
}
