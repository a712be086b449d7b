package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.ConnectionRegistry;
import io.vertx.core.Vertx;

@QuarkusTest
@TestProfile(ConnectionLimitTest.TwoConnections.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class ConnectionLimitTest {
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.websocket.max-connections", "2");
        }
    }

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    ConnectionRegistry registry;

    @Test
    void aConnectionOverTheLimitIsToldWhyAndClosedAsTryAgainLater() {
        String user = TestTokens.newUser();
        try (LiveClient first = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user));
                LiveClient second = LiveClient.withQueryToken(vertx, base, TestTokens.valid(TestTokens.newUser()));
                LiveClient third = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            JsonNode refusal = third.next();
            assertEquals("error_response", refusal.path("type").asText());
            assertEquals("CONNECTION_LIMIT", refusal.path("data").path("code").asText());
            assertTrue(refusal.path("data").path("retryable").asBoolean());
            assertEquals(1013, third.awaitClosedByServer());
            assertTrue(third.closeReason().contains("limit"), third.closeReason());

            first.expectAck(first.send("ping", LiveClient.data()), "ping");
            second.expectAck(second.send("ping", LiveClient.data()), "ping");
            assertEquals(2, registry.openCount());
        }
    }
}
