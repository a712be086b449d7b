package io.slideo.websocket.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.InstanceHousekeeping;
import io.vertx.core.Vertx;

/** Idle connections and shutdown; the shutdown test drains this instance, so it runs last. */
@QuarkusTest
@TestProfile(IdleAndShutdownTest.QuickIdle.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class IdleAndShutdownTest {
    public static class QuickIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.websocket.idle-timeout", "PT2S",
                    "slideo.websocket.ping-interval", "PT0.5S");
        }
    }

    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource(value = "health/ready", management = true)
    URI readiness;
    @Inject
    Vertx vertx;
    @Inject
    InstanceHousekeeping housekeeping;

    private final String user = TestTokens.newUser();

    @Test
    @Order(1)
    void aClientThatAnswersPingsStaysPastTheIdleTimeout() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
        }
    }

    @Test
    @Order(2)
    void aClientThatAnswersNothingIsClosedWhenIdleWithTheReason() throws Exception {
        try (SilentSocket silent = new SilentSocket(base, TestTokens.valid(user))) {
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            SilentSocket.Close close = silent.awaitClose();
            assertEquals(1000, close.code());
            assertTrue(close.reason().contains("without a message or pong"), close.reason());
        }
    }

    @Test
    @Order(3)
    void shuttingDownClosesEverySocketWithServiceRestartAndRefusesNewOnes() {
        LiveClient first = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user));
        LiveClient second = LiveClient.withSubprotocolToken(vertx, base, TestTokens.valid(TestTokens.newUser()));
        try {
            first.expectAck(first.send("ping", LiveClient.data()), "ping");
            second.expectAck(second.send("ping", LiveClient.data()), "ping");

            housekeeping.drain();

            for (LiveClient client : new LiveClient[] { first, second }) {
                assertEquals(1012, client.awaitClosedByServer());
                assertTrue(client.closeReason().contains("resume"), client.closeReason());
            }
            assertEquals(503, LiveClient.refusal(vertx, LiveClient.options(base, "/ws?access_token="
                    + TestTokens.valid(user))));
            given().get(readiness).then().statusCode(503);
        } finally {
            first.close();
            second.close();
        }
    }
}
