package io.slideo.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonObject;

/**
 * One user of the chaos run: asks over REST (trying again while a service is away, as a client with
 * retries would) and listens over a WebSocket that reconnects when its instance dies and resumes from
 * the last seq it saw, as the protocol tells clients to. Everything received on every connection is kept.
 */
final class ChaosUser implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofMinutes(6);

    final String id = TestTokens.newUser();
    private final String token = TestTokens.valid(id);
    private final List<LiveSocket> connections = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean open = true;

    ChaosUser() throws Exception {
        connections.add(LiveSocket.open(token));
        watcher = new Thread(this::keepConnected, "chaos-socket-" + id);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Uploads a corpus file; returns the document's id. */
    String upload(String corpusFile) {
        return java.util.Objects.requireNonNull(retrying("upload " + corpusFile,
                () -> Suite.upload(token, corpusFile).extract().response(), 201).path("id"), "the upload's id");
    }

    /** The document's status once it is extracted or failed, with its error; or its last status when patience ran out. */
    Map<String, Object> awaitDocument(String documentId) throws InterruptedException {
        return awaitSettled("/api/v1/documents/" + documentId, List.of("extracted", "failed"));
    }

    /** Asks for a deck of {@code slides} slides from the document in one go; returns its id. */
    String requestDeck(String documentId, int slides, String requestId) {
        return java.util.Objects.requireNonNull(retrying("deck from " + documentId, () -> Suite.as(token).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body(Map.of("documentIds", List.of(documentId), "slideCount", slides))
                .post("/api/v1/decks").then().extract().response(), 202).path("deckId"), "the accepted deck's id");
    }

    Map<String, Object> awaitDeck(String deckId) throws InterruptedException {
        return awaitSettled("/api/v1/decks/" + deckId, List.of("complete", "failed"));
    }

    List<Map<String, Object>> slides(String deckId) {
        return retrying("slides of " + deckId, () -> Suite.graphql(token, "{ deck(id: \"" + deckId
                + "\") { slides { index versions { version } } } }").extract().response(), 200)
                .jsonPath().getList("data.deck.slides");
    }

    /** Every message received on every connection, in order of arrival. */
    synchronized List<JsonObject> received() {
        List<JsonObject> all = new ArrayList<>();
        connections.forEach(connection -> all.addAll(connection.snapshot()));
        return all;
    }

    int reconnects() {
        synchronized (this) {
            return connections.size() - 1;
        }
    }

    private void keepConnected() {
        while (open) {
            LiveSocket current;
            synchronized (this) {
                current = connections.get(connections.size() - 1);
            }
            if (current.isClosed()) {
                reconnect();
            }
            sleep(200);
        }
    }

    /** Through the gateway to any live instance, then resume from the last seq seen, as its first message. */
    private void reconnect() {
        long lastSeq = received().stream().filter(m -> m.getLong("seq") != null).mapToLong(m -> m.getLong("seq"))
                .max().orElse(0);
        while (open) {
            try {
                LiveSocket next = LiveSocket.open(token);
                next.send("resume", new JsonObject().put("last_seq", lastSeq));
                synchronized (this) {
                    connections.add(next);
                }
                return;
            } catch (Exception e) {
                sleep(500); // the gateway has no live instance yet
            }
        }
    }

    private Map<String, Object> awaitSettled(String path, List<String> settled) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Object> last = Map.of("status", "never answered");
        while (System.nanoTime() < deadline) {
            try {
                Response answer = Suite.as(token).get(path).then().extract().response();
                last = answer.statusCode() == 200 ? new JsonObject(answer.asString()).getMap()
                        : Map.of("status", "answered " + answer.statusCode(), "body", answer.body().asString());
                if (settled.contains(String.valueOf(last.get("status")))) {
                    return last;
                }
            } catch (RuntimeException e) {
                last = Map.of("status", "unreachable", "error", e.toString()); // a service is away; ask again
            }
            Thread.sleep(1_000);
        }
        return last;
    }

    /** Calls until it answers {@code expected}; 429 and 5xx (a service away, a quota freed soon) are tried again. */
    private Response retrying(String what, Supplier<Response> call, int expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Response answer = call.get();
                if (answer.statusCode() == expected) {
                    return answer;
                }
                last = answer.statusCode() + " " + answer.body().asString();
                if (answer.statusCode() != 429 && answer.statusCode() < 500) {
                    break;
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            sleep(1_000);
        }
        throw new AssertionError(what + " for user " + id + " did not succeed: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        watcher.join(2_000);
        synchronized (this) {
            connections.forEach(LiveSocket::close);
        }
    }
}
