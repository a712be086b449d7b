package io.slideo.websocket.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;

/**
 * Calls to other services through their clients' fault tolerance: an idempotent call is retried through
 * a passing failure, a call that is not idempotent is not, and a service failing on its side opens its
 * breaker, after which callers hear at once that calls to it are paused.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class UpstreamFaultToleranceTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    RedisDataSource redis;
    @Inject
    CircuitBreakerMaintenance breakers;

    private final String user = TestTokens.newUser();
    private final String token = TestTokens.valid(user);

    @AfterEach
    void healUpstream() {
        FakeUpstream.failNext(0);
        breakers.resetAll();
    }

    @Test
    void anIdempotentCallIsRetriedThroughAPassingFailure() {
        FakeUpstream.failNext(2);
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("theme_selection", LiveClient.data().put("theme_id", "aurora"));
            client.expectAck(id, "theme_selection");

            await().atMost(Duration.ofSeconds(20)).until(() -> "aurora".equals(sessionField("theme_id")));
            assertEquals(3, FakeUpstream.count(id), "two answers 503, then the theme");
        }
    }

    @Test
    void aCallThatIsNotIdempotentIsNotRetried() {
        FakeUpstream.failNext(1);
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("content_planning", LiveClient.data().put("description", "Roadmap"));
            client.expectAck(id, "content_planning");

            JsonNode error = client.next();
            assertEquals("UNAVAILABLE", error.path("data").path("code").asText(), error.toString());
            assertEquals("content-service is restarting", error.path("data").path("message").asText());
            assertEquals(1, FakeUpstream.count(id), "a plan is asked for once");
        }
    }

    @Test
    void aFailingServiceOpensItsBreakerAndCallersAreToldAtOnce() {
        FakeUpstream.failNext(1_000);
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            for (int i = 0; i < 10; i++) {
                JsonNode error = research(client);
                assertEquals("content-service is restarting", error.path("data").path("message").asText(), error.toString());
            }
            String id = client.send("research_request", LiveClient.data().put("query", "batteries"));
            client.expectAck(id, "research_request");
            JsonNode paused = client.next();

            assertEquals("UNAVAILABLE", paused.path("data").path("code").asText(), paused.toString());
            assertTrue(paused.path("data").path("retryable").asBoolean());
            assertTrue(paused.path("data").path("message").asText().contains("paused its calls"), paused.toString());
            assertEquals(0, FakeUpstream.count(id), "an open breaker does not call the failing service");
        }
    }

    @Test
    void refusalsOfTheRequestDoNotOpenTheBreaker() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            for (int i = 0; i < 12; i++) {
                String id = client.send("theme_selection", LiveClient.data().put("theme_id", "comic-sans"));
                client.expectAck(id, "theme_selection");
                assertEquals("NOT_FOUND", client.next().path("data").path("code").asText());
                assertEquals(1, FakeUpstream.count(id), "a refusal is neither retried nor counted against the service");
            }
        }
    }

    private static JsonNode research(LiveClient client) {
        String id = client.send("research_request", LiveClient.data().put("query", "batteries"));
        client.expectAck(id, "research_request");
        JsonNode error = client.next();
        assertEquals("UNAVAILABLE", error.path("data").path("code").asText(), error.toString());
        return error;
    }

    private String sessionField(String field) {
        List<String> keys = redis.key().keys("slideo:session:" + user + ":*");
        return keys.size() == 1 ? redis.hash(String.class).hget(keys.get(0), field) : null;
    }
}
