package io.slideo.content.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for document-service in this module's tests (the real one runs in system-tests): it
 * knows documents by id, owner and status, and answers 404 to anyone but the owner, as the real one does.
 */
public class FakeDocumentService implements QuarkusTestResourceLifecycleManager {
    private static final Map<String, String[]> DOCUMENTS = new ConcurrentHashMap<>();
    private Vertx vertx;

    public static void add(String id, String owner, String status) {
        DOCUMENTS.put(id, new String[] { owner, status });
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String id = request.path().substring(request.path().lastIndexOf('/') + 1);
            String[] document = DOCUMENTS.get(id);
            String user = subjectOf(request.getHeader("Authorization"));
            if (document == null || !document[0].equals(user)) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("code", "NOT_FOUND").put("message", "no").encode());
                return;
            }
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("id", id).put("fileName", "report.pdf").put("status", document[1]).encode());
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.rest-client.document-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private static String subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "";
        }
        String[] parts = authorization.substring(7).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return new JsonObject(claims).getString("sub", "");
    }
}
