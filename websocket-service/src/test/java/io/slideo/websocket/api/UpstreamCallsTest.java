package io.slideo.websocket.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.api.FakeUpstream.Recorded;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class UpstreamCallsTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    RedisDataSource redis;

    private final String user = TestTokens.newUser();
    private final String token = TestTokens.valid(user);

    @Test
    void contentPlanningReachesContentServiceWithTheUsersTokenAndTheMessageId() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("content_planning", LiveClient.data()
                    .put("description", "Quarterly review for the board")
                    .put("slide_count", 8)
                    .put("theme_id", "aurora")
                    .put("research", false)
                    .put("model", "gpt-4o-mini")
                    .set("document_ids", LiveClient.MAPPER.createArrayNode().add("doc-1").add("doc-2")));
            client.expectAck(id, "content_planning");

            Recorded request = arrived(id);
            assertEquals("POST", request.method());
            assertEquals("/api/v1/plans", request.path());
            assertEquals("Bearer " + token, request.headers().get("Authorization"));
            JsonObject body = request.json();
            assertEquals(new JsonArray().add("doc-1").add("doc-2"), body.getJsonArray("documentIds"));
            assertEquals("Quarterly review for the board", body.getString("description"));
            assertEquals(8, body.getInteger("slideCount"));
            assertEquals("aurora", body.getString("themeId"));
            assertEquals(false, body.getBoolean("research"));
            assertEquals("gpt-4o-mini", body.getString("model"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "planning".equals(session().get("step")));
        }
    }

    @Test
    void aPlanWithoutAThemeUsesTheOneTheSessionSelected() {
        try (LiveClient client = LiveClient.withSubprotocolToken(vertx, base, token)) {
            String selection = client.send("theme_selection", LiveClient.data().put("theme_id", "aurora"));
            client.expectAck(selection, "theme_selection");
            String planning = client.send("content_planning", LiveClient.data().put("description", "Roadmap"));
            client.expectAck(planning, "content_planning");

            Recorded themeCheck = arrived(selection);
            assertEquals("/api/v1/themes/aurora", themeCheck.path());
            assertEquals("Bearer " + token, themeCheck.headers().get("Authorization"));
            assertEquals("aurora", arrived(planning).json().getString("themeId"));
            assertEquals("aurora", session().get("theme_id"));
        }
    }

    @Test
    void aPlanWithoutAnyThemeLeavesTheThemeOut() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("content_planning", LiveClient.data().put("description", "Roadmap"));
            client.expectAck(id, "content_planning");

            assertFalse(arrived(id).json().containsKey("themeId"));
        }
    }

    @Test
    void researchRequestReachesContentServiceWithTheQueryTheUsersTokenAndTheMessageId() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("research_request", LiveClient.data()
                    .put("query", "solid-state batteries").put("max_results", 3));
            client.expectAck(id, "research_request");

            Recorded request = arrived(id);
            assertEquals("POST", request.method());
            assertEquals("/api/v1/research", request.path());
            assertEquals("Bearer " + token, request.headers().get("Authorization"));
            assertEquals(new JsonObject().put("query", "solid-state batteries").put("maxResults", 3), request.json());
        }
    }

    @Test
    void researchWithoutAQueryOrWithTooManyResultsGetsAnErrorNamingTheField() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String blank = client.send("research_request", LiveClient.data().put("query", " "));
            client.expectAck(blank, "research_request");
            JsonNode error = client.next();
            assertEquals("error_response", error.path("type").asText());
            assertEquals("INVALID_FIELD", error.path("data").path("code").asText());
            assertEquals(blank, error.path("request_id").asText());
            assertTrue(error.path("data").path("message").asText().contains("query"), error.toString());

            String many = client.send("research_request", LiveClient.data().put("query", "batteries")
                    .put("max_results", 50));
            client.expectAck(many, "research_request");
            JsonNode refused = client.next();
            assertEquals("INVALID_FIELD", refused.path("data").path("code").asText());
            assertEquals(many, refused.path("request_id").asText());
            assertTrue(refused.path("data").path("message").asText().contains("maxResults"), refused.toString());
        }
    }

    @Test
    void anUnknownThemeIsNotFoundAndNotStored() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("theme_selection", LiveClient.data().put("theme_id", "comic-sans"));
            client.expectAck(id, "theme_selection");

            JsonNode error = client.next();
            assertEquals("error_response", error.path("type").asText());
            assertEquals("NOT_FOUND", error.path("data").path("code").asText());
            assertEquals(id, error.path("data").path("request_id").asText());
            assertTrue(error.path("data").path("message").asText().contains("comic-sans"), error.toString());
            assertFalse(session().containsKey("theme_id"));
        }
    }

    @Test
    void anUpstreamErrorKeepsItsCodeAndMessage() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("content_planning", LiveClient.data().put("description", "unknown-documents"));
            client.expectAck(id, "content_planning");

            JsonNode error = client.next();
            assertEquals("NOT_FOUND", error.path("data").path("code").asText());
            assertEquals("Document doc-404 does not exist", error.path("data").path("message").asText());
            assertEquals(id, error.path("request_id").asText());
        }
    }

    @Test
    void anUpstreamRefusalIsForbiddenAndAnAnswerOutsideTheErrorShapeIsInternal() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String locked = client.send("theme_selection", LiveClient.data().put("theme_id", "locked"));
            client.expectAck(locked, "theme_selection");
            JsonNode refused = client.next();
            assertEquals("FORBIDDEN", refused.path("data").path("code").asText(), refused.toString());
            assertEquals("Theme locked is not yours to use", refused.path("data").path("message").asText());
            assertFalse(refused.path("data").path("retryable").asBoolean());
            assertEquals(locked, refused.path("request_id").asText());

            String teapot = client.send("theme_selection", LiveClient.data().put("theme_id", "teapot"));
            client.expectAck(teapot, "theme_selection");
            JsonNode odd = client.next();
            assertEquals("INTERNAL", odd.path("data").path("code").asText(), odd.toString());
            assertEquals("content-service answered 418", odd.path("data").path("message").asText());
            assertEquals(teapot, odd.path("request_id").asText());
            assertFalse(session().containsKey("theme_id"), "a refused theme is not stored");
        }
    }

    @Test
    void slideGenerationReachesSlideServiceWithItsBody() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("slide_generation", LiveClient.data()
                    .put("deck_id", "deck-42")
                    .put("instructions", "Shorter bullets")
                    .put("model", "llama3.1:8b")
                    .set("slide_indexes", LiveClient.MAPPER.createArrayNode().add(0).add(2)));
            client.expectAck(id, "slide_generation");

            Recorded request = arrived(id);
            assertEquals("/api/v1/decks/deck-42/generations", request.path());
            assertEquals("Bearer " + token, request.headers().get("Authorization"));
            assertEquals(new JsonArray().add(0).add(2), request.json().getJsonArray("slideIndexes"));
            assertEquals("Shorter bullets", request.json().getString("instructions"));
            assertEquals("llama3.1:8b", request.json().getString("model"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "generating".equals(session().get("step")));
        }
    }

    @Test
    void slideGenerationForAnUnknownDeckIsNotFound() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String id = client.send("slide_generation", LiveClient.data().put("deck_id", "missing"));
            client.expectAck(id, "slide_generation");

            assertEquals("NOT_FOUND", client.next().path("data").path("code").asText());
        }
    }

    @Test
    void anUnreachableUpstreamIsUnavailableAndRetryable() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            FakeUpstream.goDown();
            try {
                String id = client.send("content_planning", LiveClient.data().put("description", "Roadmap"));
                client.expectAck(id, "content_planning");

                JsonNode error = client.next();
                assertEquals("error_response", error.path("type").asText());
                assertEquals("UNAVAILABLE", error.path("data").path("code").asText());
                assertTrue(error.path("data").path("retryable").asBoolean());
                assertEquals(id, error.path("data").path("request_id").asText());
            } finally {
                FakeUpstream.comeBack();
            }
            String id = client.send("ping", LiveClient.data());
            client.expectAck(id, "ping");
        }
    }

    private static Recorded arrived(String requestId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> FakeUpstream.request(requestId).orElse(null),
                recorded -> recorded != null);
    }

    private Map<String, String> session() {
        List<String> keys = redis.key().keys("slideo:session:" + user + ":*");
        assertEquals(1, keys.size(), keys.toString());
        return redis.hash(String.class).hgetall(keys.get(0));
    }
}
