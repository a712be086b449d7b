package io.slideo.websocket.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class LiveChannelTest {
    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource(value = "health/ready", management = true)
    URI readiness;
    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;
    @Inject
    Vertx vertx;
    @Inject
    RedisDataSource redis;

    private final String user = TestTokens.newUser();

    @Test
    void refusesAnUpgradeWithoutAToken() {
        assertEquals(401, LiveClient.refusal(vertx, LiveClient.options(base, "/ws")));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void refusesAnUpgradeWithABadTokenInTheQuery(String token) {
        assertEquals(401, LiveClient.refusal(vertx, LiveClient.options(base, "/ws?access_token=" + token)));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void refusesAnUpgradeWithABadTokenAsSubprotocol(String token) {
        WebSocketConnectOptions options = LiveClient.options(base, "/ws")
                .setSubProtocols(List.of("slideo.v1", "bearer." + token));
        assertEquals(401, LiveClient.refusal(vertx, options));
    }

    static List<String> badTokens() {
        String u = "someone";
        return List.of(TestTokens.expired(u), TestTokens.signedWithAnotherSecret(u), TestTokens.unsigned(u));
    }

    @Test
    void aTokenInTheQueryConnectsAndPingIsAcknowledgedWithItsId() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String id = client.send("ping", LiveClient.data());

            JsonNode ack = client.expectAck(id, "ping");
            assertEquals("test-client", ack.path("client_id").asText());
            assertFalse(ack.path("id").asText().isBlank());
            Instant.parse(ack.path("timestamp").asText());
        }
    }

    @Test
    void aTokenAsSubprotocolConnectsAndTheServerAnswersWithTheProtocolVersion() {
        try (LiveClient client = LiveClient.withSubprotocolToken(vertx, base, TestTokens.valid(user))) {
            assertEquals("slideo.v1", client.subprotocol());
            String id = client.send("ping", LiveClient.data());
            client.expectAck(id, "ping");
        }
    }

    @Test
    void aMessageWithoutAnIdIsAcknowledgedWithOneMadeUp() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.sendText("{\"type\":\"ping\"}");

            JsonNode ack = client.next();
            assertEquals("ack", ack.path("type").asText());
            UUID.fromString(ack.path("request_id").asText());
        }
    }

    @Test
    void malformedJsonGetsInvalidJsonAndTheSocketKeepsAnswering() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.sendText("{\"type\": \"ping\", ");

            JsonNode error = client.next();
            assertEquals("error_response", error.path("type").asText());
            assertEquals("INVALID_JSON", error.path("data").path("code").asText());
            assertEquals(false, error.path("data").path("retryable").asBoolean(true));
            assertEquals(error.path("request_id").asText(), error.path("data").path("request_id").asText());

            String id = client.send("ping", LiveClient.data());
            client.expectAck(id, "ping");
        }
    }

    @Test
    void anUnknownTypeGetsUnknownTypeForThatMessage() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String id = client.send("make_coffee", LiveClient.data());

            JsonNode error = client.next();
            assertEquals("error_response", error.path("type").asText());
            assertEquals("UNKNOWN_TYPE", error.path("data").path("code").asText());
            assertEquals(id, error.path("request_id").asText());
            assertTrue(error.path("data").path("message").asText().contains("make_coffee"));
        }
    }

    @Test
    void aFieldOfTheWrongTypeGetsInvalidFieldNamingIt() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String id = client.send("content_planning", LiveClient.data().put("slide_count", "many"));

            JsonNode error = client.next();
            assertEquals("INVALID_FIELD", error.path("data").path("code").asText());
            assertEquals(id, error.path("data").path("request_id").asText());
            assertTrue(error.path("data").path("message").asText().contains("slide_count"), error.toString());
        }
    }

    @Test
    void aBinaryFrameGetsInvalidJsonAndTheSocketKeepsAnswering() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));

            JsonNode error = client.next();
            assertEquals("error_response", error.path("type").asText());
            assertEquals("INVALID_JSON", error.path("data").path("code").asText());

            String id = client.send("ping", LiveClient.data());
            client.expectAck(id, "ping");
        }
    }

    @Test
    void theSessionLivesInRedisAndOutlivesTheSocketUntilItsIdleExpiry() {
        String sessions = "slideo:session:" + user + ":*";
        LiveClient client = LiveClient.connect(vertx,
                LiveClient.options(base, "/ws?client_id=tab-7&access_token=" + TestTokens.valid(user)));
        String key;
        try {
            String id = client.send("ping", LiveClient.data());
            client.expectAck(id, "ping");

            List<String> keys = redis.key().keys(sessions);
            assertEquals(List.of("slideo:session:" + user + ":tab-7"), keys);
            key = keys.get(0);
            Map<String, String> session = redis.hash(String.class).hgetall(key);
            assertEquals(user, session.get("user_id"));
            assertEquals("connected", session.get("state"));
            assertEquals("connected", session.get("step"));
            assertTrue(List.of("tab-7", "test-client").contains(session.get("client_id")), session.toString());
            Instant.parse(session.get("last_activity"));
            long ttl = redis.key().ttl(key);
            assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(30).toSeconds(), "idle expiry " + ttl);
        } finally {
            client.close();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "disconnected".equals(redis.hash(String.class).hget(key, "state")));
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(30).toSeconds(), "still expires " + ttl);
    }

    @Test
    void aClientThatComesBackWithItsIdFindsItsThemeAgain() {
        String token = TestTokens.valid(user);
        try (LiveClient first = LiveClient.connect(vertx, LiveClient.options(base, "/ws?client_id=laptop&access_token=" + token))) {
            first.expectAck(first.send("ping", LiveClient.data()), "ping");
            redis.hash(String.class).hset("slideo:session:" + user + ":laptop", Map.of("theme_id", "aurora"));
        }
        try (LiveClient again = LiveClient.connect(vertx, LiveClient.options(base, "/ws?client_id=laptop&access_token=" + token))) {
            again.expectAck(again.send("ping", LiveClient.data()), "ping");
            Map<String, String> session = redis.hash(String.class).hgetall("slideo:session:" + user + ":laptop");
            assertEquals("aurora", session.get("theme_id"));
            assertEquals("connected", session.get("state"));
        }
    }

    @Test
    void eachConnectionOfAUserHasASessionOfItsOwn() {
        String token = TestTokens.valid(user);
        try (LiveClient first = LiveClient.withQueryToken(vertx, base, token);
                LiveClient second = LiveClient.withSubprotocolToken(vertx, base, token)) {
            first.expectAck(first.send("ping", LiveClient.data()), "ping");
            second.expectAck(second.send("ping", LiveClient.data()), "ping");

            List<String> keys = redis.key().keys("slideo:session:" + user + ":*");
            assertEquals(2, keys.size(), keys.toString());
            assertNotEquals(keys.get(0), keys.get(1));
        }
    }

    @Test
    void readinessCoversRedisAndKafka() {
        given().get(readiness).then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Redis"), containsString("Messaging")));
    }

    @Test
    void metricsCountConnectionsAndMessagesByType() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");

            given().get(metrics).then()
                    .statusCode(200)
                    .body(containsString("slideo_websocket_connections_open"))
                    .body(containsString("slideo_websocket_messages_in_total{type=\"ping\"}"))
                    .body(containsString("slideo_websocket_messages_out_total{type=\"ack\"}"));
        }
    }
}
