package io.slideo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.slideo.runtime.ratelimit.RateBudgets;
import io.slideo.runtime.ratelimit.RateLimitConfig;
import io.slideo.runtime.ratelimit.RateVerdict;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInUpstreams.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
class EdgeRoutesTest {
    private final String user = TestTokens.newUser();
    private final String token = TestTokens.valid(user);

    @Inject
    Vertx vertx;

    @Inject
    RateBudgets budgets;

    @Inject
    RateLimitConfig limits;

    @TestHTTPResource("/")
    URL gateway;

    static Stream<Arguments> badTokens() {
        String someone = TestTokens.newUser();
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("expired", TestTokens.expired(someone)),
                Arguments.of("another secret", TestTokens.signedWithAnotherSecret(someone)),
                Arguments.of("alg none", TestTokens.unsigned(someone)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesApiCallsWithoutAValidTokenInTheErrorShape(String kind, String badToken) {
        for (String path : List.of("/api/v1/documents", "/graphql")) {
            var request = given().header("X-Request-Id", "refused-" + kind.replace(' ', '-'));
            if (badToken != null) {
                request.header("Authorization", "Bearer " + badToken);
            }
            request.contentType(ContentType.JSON).body("{\"query\":\"{ decks { id } }\"}")
                    .post(path)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(ContentType.JSON)
                    .body("code", equalTo("UNAUTHORIZED"))
                    .body("retryable", equalTo(false))
                    .body("request_id", equalTo("refused-" + kind.replace(' ', '-')));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesWebSocketUpgradesWithoutAValidToken(String kind, String badToken) {
        WebSocketConnectOptions byQuery = options(badToken == null ? "/ws" : "/ws?access_token=" + badToken);
        assertEquals(401, rejectedStatus(byQuery), kind + " in the query");
        if (badToken != null) {
            WebSocketConnectOptions bySubprotocol = options("/ws").setSubProtocols(List.of("slideo.v1", "bearer." + badToken));
            assertEquals(401, rejectedStatus(bySubprotocol), kind + " as a subprotocol");
        }
    }

    @Test
    void forwardsMethodPathQueryAndHeadersToTheOwningService() {
        as(token).header("X-Request-Id", "req-forwarded-1")
                .queryParam("limit", "5").queryParam("q", "a b")
                .delete("/api/v1/documents/doc-42")
                .then().statusCode(200)
                .header("X-Request-Id", "req-forwarded-1")
                .body("upstream", equalTo("document-service"))
                .body("method", equalTo("DELETE"))
                .body("path", equalTo("/api/v1/documents/doc-42"))
                .body("query", equalTo("limit=5&q=a%20b"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("req-forwarded-1"))
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void givesARequestWithoutAnIdOneThatTheUpstreamSeesToo() {
        var response = as(token).get("/api/v1/decks/deck-1").then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .extract();
        assertEquals(response.header("X-Request-Id"), response.path("requestId"));

        var replaced = as(token).header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/decks/deck-1")
                .then().statusCode(200).extract();
        assertNotEquals("<script>alert(1)</script>", replaced.header("X-Request-Id"));
        assertEquals(replaced.header("X-Request-Id"), replaced.path("requestId"));
    }

    @Test
    void routesEachPrefixToTheServiceThatOwnsIt() {
        as(token).get("/api/v1/documents").then().statusCode(200).body("upstream", equalTo("document-service"));
        as(token).get("/api/v1/decks/d1/export?format=html").then().statusCode(200)
                .body("upstream", equalTo("slide-service"))
                .body("path", equalTo("/api/v1/decks/d1/export"))
                .body("query", equalTo("format=html"));
        String query = "{\"query\":\"{ deck(id: \\\"d1\\\") { title } }\"}";
        as(token).contentType(ContentType.JSON).body(query).post("/graphql").then().statusCode(200)
                .body("upstream", equalTo("slide-service"))
                .body("method", equalTo("POST"))
                .body("contentType", startsWith("application/json"))
                .body("bodyLength", equalTo(query.length()))
                .body("bodySha256", equalTo(StandInUpstreams.sha256(query.getBytes())));
    }

    @Test
    void streamsMultipartUploadsThroughUnchanged() throws Exception {
        Path file = RepositoryPaths.corpusFile("paper-tracemonkey.pdf");
        as(token).multiPart("file", file.toFile(), "application/pdf")
                .post("/api/v1/documents")
                .then().statusCode(200)
                .body("upstream", equalTo("document-service"))
                .body("method", equalTo("POST"))
                .body("contentType", startsWith("multipart/form-data; boundary="))
                .body("parts[0].name", equalTo("file"))
                .body("parts[0].fileName", equalTo("paper-tracemonkey.pdf"))
                .body("parts[0].size", equalTo((int) Files.size(file)))
                .body("parts[0].sha256", equalTo(StandInUpstreams.sha256(Files.readAllBytes(file))));
    }

    @Test
    void tunnelsAWebSocketAuthenticatedByTheQueryParameter() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = connect(options("/ws?access_token=" + token), received);
        try {
            JsonObject handshake = new JsonObject(next(received));
            assertEquals("websocket-service", handshake.getString("upstream"));
            assertEquals("/ws", handshake.getString("path"));
            assertEquals("Bearer " + token, handshake.getString("authorization"));
            assertNotNull(handshake.getString("requestId"));
            ws.writeTextMessage("{\"type\":\"ping\"}");
            assertEquals("echo:{\"type\":\"ping\"}", next(received));
        } finally {
            ws.close();
        }
    }

    @Test
    void tunnelsAWebSocketAuthenticatedByTheBearerSubprotocol() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = connect(options("/ws").setSubProtocols(List.of("slideo.v1", "bearer." + token)), received);
        try {
            assertEquals("slideo.v1", ws.subProtocol());
            JsonObject handshake = new JsonObject(next(received));
            assertEquals("Bearer " + token, handshake.getString("authorization"));
            assertEquals("slideo.v1,bearer." + token, handshake.getString("offeredSubprotocols"));
            ws.writeTextMessage("hello through the gateway");
            assertEquals("echo:hello through the gateway", next(received));
        } finally {
            ws.close();
        }
    }

    @Test
    void answers503UnavailableWhenTheUpstreamIsDown() {
        for (String path : List.of("/api/v1/themes", "/api/v1/plans/p1", "/api/v1/prompts", "/api/v1/research/r1")) {
            as(token).header("X-Request-Id", "req-down").get(path)
                    .then().statusCode(503)
                    .contentType(ContentType.JSON)
                    .header("X-Frame-Options", "DENY")
                    .body("code", equalTo("UNAVAILABLE"))
                    .body("retryable", equalTo(true))
                    .body("message", containsString("content-service"))
                    .body("request_id", equalTo("req-down"));
        }
    }

    @Test
    void answersUnknownApiPathsWith404InTheErrorShape() {
        as(token).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("retryable", equalTo(false));
        as(token).get("/api/v1/documentsx").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // Routed as /api/v1/decks/x after normalisation, so it must not reach an upstream as written.
        as(token).urlEncodingEnabled(false).get("/api/v1/documents/%2e%2e/decks/x").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void servesTheWebClientWithoutATokenWithSecurityHeaders() {
        for (String path : List.of("/", "/app.js", "/app.css")) {
            withSecurityHeaders(given().get(path).then().statusCode(200));
        }
        given().get("/").then()
                .contentType(containsString("text/html"))
                .body(containsString("<title>Slideo</title>"));
        given().get("/app.js").then().body(not(containsString("innerHTML")));
    }

    @Test
    void letsCorsPreflightsFromTheConfiguredOriginThrough() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/documents")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void servesTheWebClientsOwnOriginWhateverItsHostName() {
        String ownOrigin = "http://" + gateway.getHost() + ":" + gateway.getPort();
        as(token).header("Origin", ownOrigin).get("/api/v1/documents").then().statusCode(200)
                .body("upstream", equalTo("document-service"));
        as(token).header("Origin", "https://evil.example").get("/api/v1/documents").then().statusCode(403);
    }

    @Test
    void refusesCorsPreflightsFromOtherOrigins() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/documents")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", (String) null);
    }

    @Test
    void answersA429WithRetryAfterOnceAUserExceedsTheLimit() {
        // %test.slideo.rate-limit.per-user is a budget of 20 that refills a token every 3 s, so a slow
        // machine may see a token or two come back while the 20 are spent.
        int served = 0;
        io.restassured.response.Response answer = as(token).get("/api/v1/documents");
        while (answer.statusCode() == 200 && served < 30) {
            served++;
            answer = as(token).get("/api/v1/documents");
        }
        assertTrue(served >= 20 && served <= 23, served + " requests served");
        var refused = answer.then().statusCode(429)
                .contentType(ContentType.JSON)
                .body("code", equalTo("RATE_LIMITED"))
                .body("retryable", equalTo(true))
                .extract();
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
        // Another user is not affected.
        as(TestTokens.valid(TestTokens.newUser())).get("/api/v1/documents").then().statusCode(200);
    }

    @Test
    void countsEachClientAddressAcrossItsUsers() {
        String address = "198.51.100." + UUID.randomUUID();
        int limit = limits.perAddress();
        int allowed = 0;
        RateVerdict verdict = RateVerdict.ALLOWED;
        while (verdict.allowed() && allowed <= limit + 10) {
            verdict = count(TestTokens.newUser(), address);
            allowed += verdict.allowed() ? 1 : 0;
        }
        // The address's 100 refill at 100 a minute while they are spent: a few may come back on the way.
        assertTrue(allowed >= limit && allowed <= limit + 5, allowed + " of " + limit + " allowed");
        assertFalse(verdict.allowed());
        assertTrue(verdict.retryAfterSeconds() >= 1 && verdict.retryAfterSeconds() <= limits.refillPeriod().toSeconds());
        assertTrue(count(TestTokens.newUser(), address + "-other").allowed());
    }

    private RateVerdict count(String userId, String address) {
        return budgets.spend(userId, address).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static io.restassured.specification.RequestSpecification as(String bearer) {
        return given().header("Authorization", "Bearer " + bearer);
    }

    private static void withSecurityHeaders(ValidatableResponse response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' ws: wss:"));
    }

    private WebSocketConnectOptions options(String uri) {
        return new WebSocketConnectOptions().setHost(gateway.getHost()).setPort(gateway.getPort()).setURI(uri);
    }

    private WebSocket connect(WebSocketConnectOptions options, BlockingQueue<String> received) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        // The handlers go on in the connect callback, on the event loop, so no early frame is missed.
        return client.connect(options).map(ws -> {
            ws.textMessageHandler(received::add);
            ws.closeHandler(v -> client.close());
            return ws;
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private int rejectedStatus(WebSocketConnectOptions options) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            return assertInstanceOf(UpgradeRejectedException.class, failure.getCause()).getStatus();
        } finally {
            client.close();
        }
    }

    private static String next(BlockingQueue<String> received) throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no WebSocket message within 10 s");
        return message;
    }
}
