package io.slideo.system;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A user's WebSocket through the gateway: sends protocol messages and keeps everything it receives. */
final class LiveConnection implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClient client;
    private final WebSocket socket;
    private final List<JsonObject> received = new ArrayList<>();

    private LiveConnection(Vertx vertx, HttpClient client, WebSocket socket) {
        this.vertx = vertx;
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            synchronized (received) {
                received.add(new JsonObject(text));
                received.notifyAll();
            }
        });
    }

    /** Connects with the token as the {@code access_token} query parameter (what browsers can do). */
    static LiveConnection open(String token) throws Exception {
        return open(options("?access_token=" + token));
    }

    static WebSocketConnectOptions options(String query) {
        URI uri = URI.create(Suite.websocketUrl() + query);
        return new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    static LiveConnection open(WebSocketConnectOptions options) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient();
        try {
            WebSocket socket = client.webSocket(options).toCompletionStage().toCompletableFuture()
                    .get(15, TimeUnit.SECONDS);
            return new LiveConnection(vertx, client, socket);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** Sends a client message and returns its id, which every reply carries as request_id. */
    String send(String type, JsonObject data) {
        String id = UUID.randomUUID().toString();
        socket.writeTextMessage(new JsonObject().put("id", id).put("type", type).put("client_id", "system-test")
                .put("data", data).encode());
        return id;
    }

    void sendRaw(String text) {
        socket.writeTextMessage(text);
    }

    /** Waits until {@code count} received messages match, and returns them in arrival order. */
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

    List<JsonObject> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    static Predicate<JsonObject> reply(String type, String requestId) {
        return m -> type.equals(m.getString("type")) && requestId.equals(m.getString("request_id"));
    }

    @Override
    public void close() {
        socket.close();
        client.close();
        vertx.close();
    }
}
