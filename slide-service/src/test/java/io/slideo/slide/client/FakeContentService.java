package io.slideo.slide.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for content-service in this module's tests (the real one runs in system-tests): it
 * accepts plans with a new id, or answers what a test asked for, and keeps what it was sent.
 */
public class FakeContentService implements QuarkusTestResourceLifecycleManager {
    /** One received plan request: its body and headers. */
    public record Received(JsonObject body, String authorization, String requestId) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile String nextId;
    private static volatile int nextStatus = 202;
    private static volatile JsonObject nextError;
    private Vertx vertx;

    /** The next plan gets this id (a deck the test planned already). */
    public static void nextPlanId(String id) {
        nextId = id;
    }

    /** The next request is refused with this status and shared-shape error. */
    public static void refuseNext(int status, String code, String message) {
        nextStatus = status;
        nextError = new JsonObject().put("code", code).put("message", message).put("retryable", false);
    }

    public static List<Received> received() {
        return RECEIVED;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            RECEIVED.add(new Received(body.toJsonObject(), request.getHeader("Authorization"),
                    request.getHeader("X-Request-Id")));
            int status = nextStatus;
            JsonObject error = nextError;
            String id = nextId != null ? nextId : UUID.randomUUID().toString();
            nextStatus = 202;
            nextError = null;
            nextId = null;
            var response = request.response().putHeader("Content-Type", "application/json");
            if (error != null) {
                response.setStatusCode(status).end(error.encode());
            } else {
                response.setStatusCode(202).end(new JsonObject().put("id", id).put("deckId", id)
                        .put("status", "drafting").put("themeId", "slideo-light").put("slideCount", 3).encode());
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.rest-client.content-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
