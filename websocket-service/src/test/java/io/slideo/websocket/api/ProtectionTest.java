package io.slideo.websocket.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slideo.runtime.ratelimit.RateBudgets;
import io.slideo.runtime.ratelimit.RateLimitConfig;
import io.slideo.runtime.ratelimit.RateVerdict;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;

@QuarkusTest
@TestProfile(ProtectionTest.TightLimits.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class ProtectionTest {
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A user budget of 10 that refills a token every 3 s, in buckets of this test run's own.
            return Map.of("slideo.websocket.max-connections-per-user", "2",
                    "slideo.rate-limit.per-user", "10",
                    "slideo.rate-limit.refill-period", "30s",
                    "slideo.rate-limit.key-prefix", "slideo:test:rate:" + UUID.randomUUID(),
                    "slideo.jwt.clock-skew-seconds", "0");
        }
    }

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource(value = "health/ready", management = true)
    URI readiness;
    @Inject
    Vertx vertx;
    @Inject
    RateLimitConfig limits;
    @ConfigProperty(name = "slideo.redis.url", defaultValue = "redis://127.0.0.1:16379")
    String redisUrl;

    private final String user = TestTokens.newUser();

    @Test
    void aUserPastTheirConnectionLimitIsRefusedWithTheReasonWhileOtherUsersAreNot() {
        String token = TestTokens.valid(user);
        try (LiveClient first = LiveClient.withQueryToken(vertx, base, token);
                LiveClient second = LiveClient.withSubprotocolToken(vertx, base, token)) {
            first.expectAck(first.send("ping", LiveClient.data()), "ping");
            second.expectAck(second.send("ping", LiveClient.data()), "ping");
            try (LiveClient third = LiveClient.withQueryToken(vertx, base, token)) {
                JsonNode refusal = third.next();
                assertEquals("error_response", refusal.path("type").asText());
                assertEquals("CONNECTION_LIMIT", refusal.path("data").path("code").asText());
                assertEquals(1008, third.awaitClosedByServer());
                assertTrue(third.closeReason().contains("per user (2)"), third.closeReason());
            }
            try (LiveClient someoneElse = LiveClient.withQueryToken(vertx, base, TestTokens.valid(TestTokens.newUser()))) {
                someoneElse.expectAck(someoneElse.send("ping", LiveClient.data()), "ping");
            }
            first.expectAck(first.send("ping", LiveClient.data()), "ping");
        }
        // Closed connections stop counting, once the server has seen them close (it learns asynchronously).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (LiveClient again = LiveClient.withQueryToken(vertx, base, token)) {
                again.expectAck(again.send("ping", LiveClient.data()), "ping");
            }
        });
    }

    @Test
    void aFloodIsAnsweredRateLimitedMessageByMessageAndTheConnectionRecovers() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                sent.add(client.send("ping", LiveClient.data()));
            }
            List<JsonNode> limited = new ArrayList<>();
            int acks = 0;
            for (int i = 0; i < 40; i++) {
                JsonNode reply = client.next();
                if ("ack".equals(reply.path("type").asText())) {
                    acks++;
                } else {
                    limited.add(reply);
                }
                assertTrue(sent.contains(reply.path("request_id").asText()), reply.toString());
            }
            assertTrue(acks >= 10 && acks < 40, acks + " acks");
            assertEquals(40 - acks, limited.size());
            for (JsonNode error : limited) {
                assertEquals("error_response", error.path("type").asText(), error.toString());
                assertEquals("RATE_LIMITED", error.path("data").path("code").asText());
                assertTrue(error.path("data").path("retryable").asBoolean(), error.toString());
                assertTrue(error.path("data").path("message").asText().contains("10 REST calls and WebSocket messages"),
                        error.toString());
            }
            await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(300)).until(() -> {
                String id = client.send("ping", LiveClient.data());
                JsonNode reply = client.next();
                return "ack".equals(reply.path("type").asText()) && id.equals(reply.path("request_id").asText());
            });
        }
    }

    @Test
    void aUsersRestCallsThroughTheGatewayAndTheirMessagesSpendOneBudget() {
        // The gateway spends the budget with the same shared-runtime code, on the same Redis: as another instance would.
        try (RateBudgets gateway = new RateBudgets(limits, redisUrl, new SimpleMeterRegistry());
                LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
            for (int call = 2; call <= 10; call++) {
                assertTrue(spend(gateway, user, "203.0.113.7").allowed(), "REST call " + call);
            }
            String refusedId = client.send("ping", LiveClient.data());
            JsonNode refused = client.next();
            assertEquals("error_response", refused.path("type").asText(), refused.toString());
            assertEquals(refusedId, refused.path("request_id").asText(), refused.toString());
            assertEquals("RATE_LIMITED", refused.path("data").path("code").asText());
            assertFalse(spend(gateway, user, null).allowed(), "the gateway sees the budget spent as well");
            // Another user's budget is untouched.
            assertTrue(spend(gateway, TestTokens.newUser(), "203.0.113.7").allowed());
        }
    }

    private static RateVerdict spend(RateBudgets budgets, String userId, String address) {
        return budgets.spend(userId, address).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aTenMegabyteFrameIsRefusedFromItsHeaderAndTheInstanceStaysHealthy() {
        WebSocketClientOptions bigFrames = new WebSocketClientOptions().setMaxFrameSize(2 * TEN_MEGABYTES)
                .setMaxMessageSize(2 * TEN_MEGABYTES);
        LiveClient client = LiveClient.connect(vertx, bigFrames,
                LiveClient.options(base, "/ws?access_token=" + TestTokens.valid(user)));
        try {
            try {
                client.sendText("{\"type\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(TEN_MEGABYTES) + "\"}}");
            } catch (AssertionError e) {
                // The server refuses the frame from its header and closes; the rest of the write may fail.
            }
            // 1009 from the frame's header, the rest never read: a client still writing may see the reset first.
            Short code = client.awaitClosed();
            assertTrue(code == null || code == 1009, "closed with " + code);
        } finally {
            client.close();
        }
        try (LiveClient next = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            next.expectAck(next.send("ping", LiveClient.data()), "ping");
        }
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aTenMegabyteMessageInSmallFramesIsRefusedTheSameWay() {
        LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user));
        try {
            client.sendText("{\"type\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(TEN_MEGABYTES) + "\"}}");
            assertEquals(1009, client.awaitClosedByServer());
        } finally {
            client.close();
        }
        try (LiveClient next = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            next.expectAck(next.send("ping", LiveClient.data()), "ping");
        }
    }

    @Test
    void aTokenThatExpiresWhileConnectedEndsTheConnectionWithUnauthorized() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, ShortLivedTokens.expiringIn(user, 2))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");

            JsonNode error = client.next();
            assertEquals("error_response", error.path("type").asText(), error.toString());
            assertEquals("UNAUTHORIZED", error.path("data").path("code").asText());
            assertTrue(error.path("data").path("message").asText().contains("expired"), error.toString());
            assertEquals(1008, client.awaitClosedByServer());
            assertTrue(client.closeReason().contains("Token expired"), client.closeReason());
        }
    }
}
