package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.slide.client.FakeContentService;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** POST /api/v1/decks: plan and slides in one go, watched as server-sent events. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeContentService.class, restrictToAnnotatedClass = true)
class DeckOneShotTest {
    private static final Theme THEME = new Theme("slideo-light", "Light", "", "#ffffff", "#1f2933", "#102a43",
            "#2f6fde", "Liberation Sans", "Liberation Sans");
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();
    private final String document = UUID.randomUUID().toString();

    @Test
    void aDeckAskedForInOneGoIsWrittenAsSoonAsItsPlanArrivesWithTheModelItNamed() {
        String deckId = as(user).contentType(ContentType.JSON).header("X-Request-Id", "one-shot-1")
                .body(Map.of("documentIds", List.of(document), "description", "A briefing", "slideCount", 3,
                        "model", "gpt-4o-mini"))
                .post("/api/v1/decks").then().statusCode(202)
                .body("status", equalTo("planning"))
                .extract().path("deckId");
        FakeContentService.Received asked = FakeContentService.received().stream()
                .filter(r -> "one-shot-1".equals(r.requestId())).findFirst().orElseThrow();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(asked.authorization().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"" + user + "\""), "content-service is asked with the user's own token");
        assertEquals(3, asked.body().getInteger("slideCount"));
        assertEquals("gpt-4o-mini", asked.body().getString("model"), "the plan is drafted with the same model");

        plan(deckId, "one-shot-1");

        GenerationRequested requested = KafkaTestClient.await(Topic.GENERATION_REQUESTED,
                e -> e.aggregateId().equals(deckId), 1, Duration.ofSeconds(20)).get(0).payloadAs(GenerationRequested.class);
        assertEquals(3, requested.slides().size());
        assertEquals("one-shot-1", requested.requestId());
        assertEquals("gpt-4o-mini", requested.model());
        as(user).get("/api/v1/decks/" + deckId).then().statusCode(200).body("status", equalTo("generating"));
    }

    @Test
    void aPlanThatArrivedBeforeTheRequestWasStoredIsWrittenToo() {
        String deckId = UUID.randomUUID().toString();
        plan(deckId, "fast-1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200));
        FakeContentService.nextPlanId(deckId);

        as(user).contentType(ContentType.JSON).header("X-Request-Id", "fast-1")
                .body(Map.of("documentIds", List.of(document))).post("/api/v1/decks").then().statusCode(202)
                .body("deckId", equalTo(deckId));

        assertEquals(1, KafkaTestClient.await(Topic.GENERATION_REQUESTED, e -> e.aggregateId().equals(deckId), 1,
                Duration.ofSeconds(20)).size());
    }

    @Test
    void refusalsOfTheContentServiceReachTheUserAsTheyAre() {
        FakeContentService.refuseNext(409, "CONFLICT", "Document x is still being read");
        as(user).contentType(ContentType.JSON).body(Map.of("documentIds", List.of(document)))
                .post("/api/v1/decks").then().statusCode(409).body("code", equalTo("CONFLICT"))
                .body("message", equalTo("Document x is still being read"));
        as(user).contentType(ContentType.JSON).body(Map.of("documentIds", List.of(), "slideCount", 99))
                .post("/api/v1/decks").then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
    }

    @Test
    void theEventStreamShowsTheDeckBeingWrittenAndEndsWithDeckComplete() throws Exception {
        String deckId = as(user).contentType(ContentType.JSON).header("X-Request-Id", "stream-1")
                .body(Map.of("documentIds", List.of(document), "slideCount", 3)).post("/api/v1/decks").then()
                .statusCode(202).extract().path("deckId");
        CompletableFuture<List<String>> stream = open(deckId, user);
        plan(deckId, "stream-1");
        GenerationRequested requested = KafkaTestClient.await(Topic.GENERATION_REQUESTED,
                e -> e.aggregateId().equals(deckId), 1, Duration.ofSeconds(20)).get(0).payloadAs(GenerationRequested.class);
        for (PlannedSlide slide : requested.slides()) {
            kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user,
                    new SlideGenerated(deckId, requested.generationId(), "stream-1", slide.index(), 3, slide.title(),
                            slide.layout(), List.of(new Bullet("Point", new SourceRef(document, 1))), "Notes.", "offline")));
        }
        kafka.send(Topic.DECK_COMPLETED, EventEnvelope.of(Topic.DECK_COMPLETED, deckId, user,
                new DeckCompleted(deckId, requested.generationId(), "stream-1", 3)));

        List<String> lines = stream.get(60, TimeUnit.SECONDS); // the server ends the stream after deck_complete
        List<String> events = lines.stream().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).trim()).toList();
        assertEquals("deck_status", events.get(0), lines.toString());
        assertEquals(3, events.stream().filter("slide_complete"::equals).count(), lines.toString());
        assertEquals("deck_complete", events.get(events.size() - 1), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"request_id\":\"stream-1\"")
                && l.contains("\"deck_id\":\"" + deckId + "\"")), lines.toString());

        // Opened once the deck is complete: it says so at once and ends.
        List<String> late = open(deckId, user).get(20, TimeUnit.SECONDS);
        assertTrue(late.stream().anyMatch(l -> l.equals("event:deck_complete") || l.equals("event: deck_complete")),
                late.toString());
        as(TestTokens.newUser()).get("/api/v1/decks/" + deckId + "/events").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    private void plan(String deckId, String requestId) {
        List<PlannedSlide> slides = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slides.add(new PlannedSlide(i, "Slide " + i, i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of("Point " + i), List.of(new SourceRef(document, i + 1))));
        }
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, requestId, 1, "A briefing", "A briefing", THEME, List.of(document), slides)));
    }

    private static CompletableFuture<List<String>> open(String deckId, String user) {
        int port = io.restassured.RestAssured.port;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decks/" + deckId
                + "/events")).header("Authorization", "Bearer " + TestTokens.valid(user))
                .header("Accept", "text/event-stream").build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertEquals(200, response.statusCode());
                    return response.body().toList();
                });
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
