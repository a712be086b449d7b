package io.slideo.gateway.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Small Vert.x servers standing in for document-, slide- and websocket-service: each answers
 * with what it received (method, path, query, headers, multipart parts with their SHA-256), and
 * the WebSocket one reports its handshake and echoes every text frame. content-service points at
 * a port nobody listens on, to show what a down upstream looks like.
 */
public class StandInUpstreams implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        return Map.of(
                "slideo.gateway.document-service-url", "http://127.0.0.1:" + listen("document-service"),
                "slideo.gateway.slide-service-url", "http://127.0.0.1:" + listen("slide-service"),
                "slideo.gateway.websocket-service-url", "http://127.0.0.1:" + listen("websocket-service"),
                "slideo.gateway.content-service-url", "http://127.0.0.1:" + UnreachableUpstreams.unusedPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int listen(String name) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setWebSocketSubProtocols(List.of("slideo.v1")));
        server.requestHandler(request -> answer(name, request));
        server.webSocketHandler(ws -> echo(name, ws));
        return server.listen().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join()
                .actualPort();
    }

    private static void answer(String name, HttpServerRequest request) {
        JsonObject seen = new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("authorization", request.getHeader("Authorization"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                .put("contentType", request.getHeader("Content-Type"));
        JsonArray parts = new JsonArray();
        Buffer body = Buffer.buffer();
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            request.setExpectMultipart(true);
            request.uploadHandler(upload -> {
                Buffer content = Buffer.buffer();
                upload.handler(content::appendBuffer);
                upload.endHandler(v -> parts.add(new JsonObject()
                        .put("name", upload.name())
                        .put("fileName", upload.filename())
                        .put("size", content.length())
                        .put("sha256", sha256(content))));
            });
        } else {
            request.handler(body::appendBuffer);
        }
        if (request.path().matches("/api/v1/decks/[0-9a-f-]{36}/export") && "format=html".equals(request.query())) {
            // An HTML export of a real deck id as slide-service sends it: inline styles, offered as a download.
            request.endHandler(v -> request.response()
                    .putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"deck.html\"")
                    .end("<!DOCTYPE html><html><head><style>h1 { color: #2f6fde; }</style></head><body>"
                            + "<h1 style=\"font-size: 40pt;\">Deck</h1><pre>" + seen.encode() + "</pre></body></html>"));
            return;
        }
        request.endHandler(v -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(seen.put("parts", parts)
                        .put("bodyLength", body.length())
                        .put("bodySha256", sha256(body))
                        .encode()));
    }

    private static void echo(String name, ServerWebSocket ws) {
        ws.writeTextMessage(new JsonObject()
                .put("upstream", name)
                .put("path", ws.path())
                .put("query", ws.query())
                .put("authorization", ws.headers().get("Authorization"))
                .put("requestId", ws.headers().get("X-Request-Id"))
                .put("offeredSubprotocols", ws.headers().get("Sec-WebSocket-Protocol"))
                .encode());
        ws.textMessageHandler(text -> ws.writeTextMessage("echo:" + text));
    }

    static String sha256(Buffer content) {
        return sha256(content.getBytes());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
