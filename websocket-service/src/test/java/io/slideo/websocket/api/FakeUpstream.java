package io.slideo.websocket.api;

import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server on a free port standing in for content-service and slide-service. It records
 * every request and answers like they do: themes "aurora" exists, "locked" is refused (403
 * FORBIDDEN), "teapot" gets an answer outside the error shape (418, no body), everything else is
 * NOT_FOUND in the one error shape; a plan whose description is "unknown-documents" or a deck "missing" is too;
 * research with more than 10 results is INVALID_FIELD. It can be told to fail the next requests with 503.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {
    record Recorded(String method, String path, MultiMap headers, String body) {
        String requestId() {
            return headers.get("X-Request-Id");
        }

        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    /** SHA-256 of every file uploaded to the fake document-service, by request id. */
    private static final Map<String, String> UPLOADED = new ConcurrentHashMap<>();
    /** Bytes of every file uploaded to the fake document-service, by request id. */
    private static final Map<String, Long> UPLOADED_SIZES = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger FAILING = new java.util.concurrent.atomic.AtomicInteger();
    private static Vertx vertx;
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        port = freePort();
        listen();
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "quarkus.rest-client.content-service.url", url,
                "quarkus.rest-client.slide-service.url", url,
                "quarkus.rest-client.document-service.url", url);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close().toCompletionStage().toCompletableFuture());
        }
    }

    static Optional<String> uploadedSha256(String requestId) {
        return Optional.ofNullable(UPLOADED.get(requestId));
    }

    static Optional<Long> uploadedSize(String requestId) {
        return Optional.ofNullable(UPLOADED_SIZES.get(requestId));
    }

    static Optional<Recorded> request(String requestId) {
        return REQUESTS.stream().filter(r -> requestId.equals(r.requestId())).findFirst();
    }

    /** The next {@code requests} requests (not uploads) are answered 503 UNAVAILABLE, as by a service failing on its side. */
    static void failNext(int requests) {
        FAILING.set(requests);
    }

    /** How many requests carried this X-Request-Id (a retried call sends it each time). */
    static long count(String requestId) {
        return REQUESTS.stream().filter(r -> requestId.equals(r.requestId())).count();
    }

    /** Stops answering: the port is closed, as when the service is down. */
    static void goDown() {
        await(server.close().toCompletionStage().toCompletableFuture());
    }

    static void comeBack() {
        listen();
    }

    private static void listen() {
        server = await(vertx.createHttpServer()
                .requestHandler(request -> {
                    if (request.path().equals("/api/v1/documents")) {
                        receiveDocument(request);
                        return;
                    }
                    request.body().onSuccess(body -> {
                        REQUESTS.add(new Recorded(request.method().name(), request.path(), request.headers(), body.toString()));
                        if (FAILING.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            reply(request, 503, new JsonObject().put("code", "UNAVAILABLE")
                                    .put("message", "content-service is restarting").put("retryable", true));
                            return;
                        }
                        answer(request, body.length() == 0 ? new JsonObject() : body.toJsonObject());
                    });
                })
                .listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture());
    }

    /**
     * Like document-service: the multipart part "file" is the document; a Windows executable is refused
     * as UNSUPPORTED_TYPE, anything else is stored (here: its SHA-256 and size are remembered). The file
     * streams through a digest as it arrives, so a large upload costs this fake no heap.
     */
    private static void receiveDocument(HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        request.setExpectMultipart(true);
        MessageDigest digest = sha256();
        byte[] head = new byte[2];
        long[] size = {0};
        request.uploadHandler(upload -> upload.handler(part -> {
            for (int i = 0; i < part.length() && size[0] + i < head.length; i++) {
                head[(int) size[0] + i] = part.getByte(i);
            }
            size[0] += part.length();
            digest.update(part.getBytes());
        }));
        request.endHandler(done -> {
            REQUESTS.add(new Recorded(request.method().name(), request.path(), request.headers(), ""));
            if (size[0] > 1 && head[0] == 'M' && head[1] == 'Z') {
                reply(request, 415, new JsonObject().put("code", "UNSUPPORTED_TYPE")
                        .put("message", "The file's content is application/x-msdownload").put("retryable", false));
                return;
            }
            UPLOADED.put(requestId, HexFormat.of().formatHex(digest.digest()));
            UPLOADED_SIZES.put(requestId, size[0]);
            reply(request, 201, new JsonObject().put("id", "doc-" + UPLOADED.size()).put("status", "uploaded"));
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpServerRequest request, JsonObject body) {
        String path = request.path();
        String requestId = request.getHeader("X-Request-Id");
        if (path.startsWith("/api/v1/themes/")) {
            String theme = path.substring("/api/v1/themes/".length());
            if (theme.equals("aurora")) {
                reply(request, 200, new JsonObject().put("id", "aurora").put("name", "Aurora"));
            } else if (theme.equals("locked")) {
                reply(request, 403, new JsonObject().put("code", "FORBIDDEN").put("message", "Theme locked is not yours to use")
                        .put("retryable", false).put("request_id", requestId));
            } else if (theme.equals("teapot")) {
                request.response().setStatusCode(418).end();
            } else {
                notFound(request, "Theme " + theme + " does not exist", requestId);
            }
        } else if (path.equals("/api/v1/plans") && request.method().name().equals("POST")) {
            if ("unknown-documents".equals(body.getString("description"))) {
                notFound(request, "Document doc-404 does not exist", requestId);
            } else {
                reply(request, 202, new JsonObject().put("id", "plan-1").put("status", "drafting"));
            }
        } else if (path.equals("/api/v1/research") && request.method().name().equals("POST")) {
            if (body.getInteger("maxResults", 5) > 10) {
                reply(request, 400, new JsonObject().put("code", "INVALID_FIELD")
                        .put("message", "maxResults must be at most 10").put("retryable", false));
            } else {
                reply(request, 202, new JsonObject().put("id", "research-1").put("status", "searching")
                        .put("query", body.getString("query")));
            }
        } else if (path.matches("/api/v1/decks/[^/]+/generations") && request.method().name().equals("POST")) {
            if (path.contains("/missing/")) {
                notFound(request, "Deck missing does not exist", requestId);
            } else {
                reply(request, 202, new JsonObject().put("generationId", "gen-1").put("deckId", path.split("/")[4]));
            }
        } else {
            notFound(request, "No route " + path, requestId);
        }
    }

    private static void notFound(HttpServerRequest request, String message, String requestId) {
        reply(request, 404, new JsonObject().put("code", "NOT_FOUND").put("message", message)
                .put("retryable", false).put("request_id", requestId));
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
