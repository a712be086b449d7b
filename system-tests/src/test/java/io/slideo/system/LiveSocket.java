package io.slideo.system;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * A user's WebSocket through the gateway, the one client of every system test: sends protocol messages,
 * keeps everything received, knows which instance took it (the X-Slideo-Instance upgrade header) and
 * how the server closed it. One Vert.x serves every socket of the test JVM.
 */
final class LiveSocket implements AutoCloseable {
    private static final Vertx VERTX = Vertx.vertx();
    private static final int TWENTY_MEGABYTES = 20 * 1024 * 1024;

    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<JsonObject> received = new ArrayList<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    private final String instance;

    private LiveSocket(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        // The handshake's headers are only there in the connect callback, where this runs.
        this.instance = socket.headers() == null ? null : socket.headers().get("X-Slideo-Instance");
    }

    /** The token as the {@code access_token} query parameter, as a browser sends it. */
    static LiveSocket open(String token) throws Exception {
        return openAt("?access_token=" + token);
    }

    /** Opens /ws with this query string (e.g. "?access_token=..."). */
    static LiveSocket openAt(String query) throws Exception {
        // Large frames allowed on this side, so a test can send a 10 MB one and see what the server does.
        WebSocketClient client = VERTX.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(TWENTY_MEGABYTES).setMaxMessageSize(TWENTY_MEGABYTES));
        CompletableFuture<LiveSocket> opened = new CompletableFuture<>();
        // Handlers go on in the connect callback: the first messages can arrive with the 101.
        client.connect(options(query)).onComplete(result -> {
            if (result.failed()) {
                opened.completeExceptionally(result.cause());
                return;
            }
            LiveSocket live = new LiveSocket(client, result.result());
            live.listen();
            opened.complete(live);
        });
        try {
            return opened.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    /** The status of an upgrade the gateway (or the instance) refused, with its body. */
    static UpgradeRejectedException refusal(String query) throws Exception {
        WebSocketClient client = VERTX.createWebSocketClient();
        try {
            client.connect(options(query)).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("The upgrade was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                return rejected;
            }
            throw e;
        } finally {
            client.close();
        }
    }

    private static WebSocketConnectOptions options(String query) {
        URI uri = URI.create(Suite.websocketUrl() + query);
        return new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private void listen() {
        socket.textMessageHandler(text -> {
            synchronized (received) {
                received.add(new JsonObject(text));
                received.notifyAll();
            }
        });
        socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
        socket.exceptionHandler(e -> {
            // A reset instead of a close frame: closed all the same, with no status.
        });
        socket.endHandler(v -> closed.complete(socket.closeStatusCode()));
    }

    /** The websocket-service instance behind this socket. */
    String instance() {
        return instance;
    }

    /** Sends a client message and returns its id, which every reply carries as request_id. */
    String send(String type, JsonObject data) {
        String id = UUID.randomUUID().toString();
        sendText(new JsonObject().put("id", id).put("type", type).put("client_id", "live-it").put("data", data)
                .encode());
        return id;
    }

    void sendText(String text) {
        socket.writeTextMessage(text);
    }

    void sendBinary(byte[] bytes) {
        socket.writeBinaryMessage(Buffer.buffer(bytes));
    }

    /** Waits until {@code count} received messages match; returns the matching ones in arrival order. */
    List<JsonObject> await(Predicate<JsonObject> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                List<JsonObject> matching = received.stream().filter(match).toList();
                long left = deadline - System.nanoTime();
                if (matching.size() >= count || left <= 0) {
                    return matching;
                }
                received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    JsonObject awaitOne(Predicate<JsonObject> match, Duration timeout) throws InterruptedException {
        List<JsonObject> found = await(match, 1, timeout);
        if (found.isEmpty()) {
            throw new AssertionError("No message matched within " + timeout + "; received: " + snapshot());
        }
        return found.get(0);
    }

    /** The reply of type {@code type} to the message {@code requestId}. */
    JsonObject reply(String type, String requestId, Duration timeout) throws InterruptedException {
        return awaitOne(replyTo(type, requestId), timeout);
    }

    List<JsonObject> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The status the server closed with, or null when the connection was reset without one. */
    Short awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String closeReason() {
        return socket.closeReason();
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    static Predicate<JsonObject> replyTo(String type, String requestId) {
        return m -> type.equals(m.getString("type")) && requestId.equals(m.getString("request_id"));
    }

    static Predicate<JsonObject> ofType(String type) {
        return m -> type.equals(m.getString("type"));
    }

    /** The worker's verdict on an uploaded document, extracted or failed. */
    static Predicate<JsonObject> fileProcessed(String documentId) {
        return m -> "file_processed".equals(m.getString("type"))
                && documentId.equals(m.getJsonObject("data").getString("document_id"));
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
