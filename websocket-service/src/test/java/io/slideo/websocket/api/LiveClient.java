package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.slideo.model.event.EventCodec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/** A real WebSocket client (Vert.x) that keeps what the server sends, in order. */
final class LiveClient implements AutoCloseable {
    static final ObjectMapper MAPPER = EventCodec.newMapper();
    /** An upper bound for a reply that should come, so a broken server fails the test instead of hanging it. */
    private static final long PATIENCE_SECONDS = 20;

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received;
    private final CompletableFuture<Void> closed;

    private LiveClient(WebSocketClient client, WebSocket socket, BlockingQueue<JsonNode> received,
            CompletableFuture<Void> closed) {
        this.client = client;
        this.socket = socket;
        this.received = received;
        this.closed = closed;
    }

    /** Browser style, the token in the query: {@code /ws?access_token=<jwt>}. */
    static LiveClient withQueryToken(Vertx vertx, URI base, String token) {
        return connect(vertx, options(base, "/ws?access_token=" + encode(token)));
    }

    /** Browser style, the token as the second offered subprotocol. */
    static LiveClient withSubprotocolToken(Vertx vertx, URI base, String token) {
        return connect(vertx, options(base, "/ws").setSubProtocols(List.of("slideo.v1", "bearer." + token)));
    }

    static WebSocketConnectOptions options(URI base, String uri) {
        return new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI(uri);
    }

    static LiveClient connect(Vertx vertx, WebSocketConnectOptions options) {
        return connect(vertx, new WebSocketClientOptions(), options);
    }

    /** With client options of its own, e.g. a frame size larger than the server accepts. */
    static LiveClient connect(Vertx vertx, WebSocketClientOptions clientOptions, WebSocketConnectOptions options) {
        WebSocketClient client = vertx.createWebSocketClient(clientOptions);
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket socket = await(client.connect(options)
                .onSuccess(ws -> {
                    ws.textMessageHandler(text -> {
                        try {
                            received.add(MAPPER.readTree(text));
                        } catch (Exception e) {
                            received.add(MAPPER.createObjectNode().put("unreadable", text));
                        }
                    });
                    ws.closeHandler(ignored -> closed.complete(null));
                })
                .toCompletionStage().toCompletableFuture());
        return new LiveClient(client, socket, received, closed);
    }

    /** The HTTP status the upgrade was refused with. */
    static int refusal(Vertx vertx, WebSocketConnectOptions options) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            client.connect(options).toCompletionStage().toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            fail("The upgrade was accepted");
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
            throw new AssertionError("The upgrade failed without an HTTP answer", e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            client.close();
        }
    }

    /** Sends a message of {@code type} with a fresh id and returns that id. */
    String send(String type, ObjectNode data) {
        String id = UUID.randomUUID().toString();
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("type", type).put("client_id", "test-client");
        message.set("data", data);
        sendText(message.toString());
        return id;
    }

    void sendText(String text) {
        await(socket.writeTextMessage(text).toCompletionStage().toCompletableFuture());
    }

    void sendBinary(byte[] bytes) {
        await(socket.writeBinaryMessage(Buffer.buffer(bytes)).toCompletionStage().toCompletableFuture());
    }

    JsonNode next() {
        try {
            JsonNode message = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no message from the server within " + PATIENCE_SECONDS + "s");
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What came in so far, without waiting. */
    JsonNode poll() {
        return received.poll();
    }

    /** The next message must be the ack of message {@code id}. */
    JsonNode expectAck(String id, String type) {
        JsonNode ack = next();
        assertEquals("ack", ack.path("type").asText(), ack.toString());
        assertEquals(id, ack.path("request_id").asText(), ack.toString());
        assertEquals(type, ack.path("data").path("received_type").asText(), ack.toString());
        return ack;
    }

    /** Stops reading from the socket (a slow client): what the server sends waits in the buffers. */
    void pause() {
        socket.pause();
    }

    void resume() {
        socket.resume();
    }

    /** A header of the server's answer to the upgrade. */
    String handshakeHeader(String name) {
        return socket.headers() == null ? null : socket.headers().get(name);
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    String subprotocol() {
        return socket.subProtocol();
    }

    /** Waits for the server to close the socket; returns its close code. */
    short awaitClosedByServer() {
        await(closed);
        return socket.closeStatusCode();
    }

    /** Waits for the socket to close; its close code, or null when the connection ended without one. */
    Short awaitClosed() {
        await(closed);
        return socket.closeStatusCode();
    }

    String closeReason() {
        return socket.closeReason();
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                await(socket.close().toCompletionStage().toCompletableFuture());
            }
        } finally {
            client.close();
        }
    }

    static ObjectNode data() {
        return MAPPER.createObjectNode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("WebSocket operation failed", e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
