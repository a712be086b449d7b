package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationFailed;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.slide.client.FakeContentService;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeContentService.class, restrictToAnnotatedClass = true)
class GenerationQuotaTest {
    private static final Theme THEME = new Theme("slideo-light", "Light", "", "#ffffff", "#111111", "#000000",
            "#2f6fde", "Liberation Sans", "Liberation Sans");
    // The default quota: three decks being written at once.
    private static final String SPENT = "You have 3 decks being written, the most one user may have at once (3); one"
            + " must finish before another starts. Ask again once a deck_complete arrives.";

    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    @Test
    void aFourthDeckWaitsUntilOneOfThreeBeingWrittenEnds() {
        String user = TestTokens.newUser();
        String first = plan(user);
        String fourth = plan(user);
        String firstRun = generate(user, first).statusCode(202).extract().path("generationId");
        generate(user, plan(user)).statusCode(202);
        generate(user, plan(user)).statusCode(202);

        refused(generate(user, fourth)).body("message", equalTo(SPENT));
        String stranger = TestTokens.newUser();
        generate(stranger, plan(stranger)).statusCode(202);

        kafka.send(Topic.GENERATION_FAILED, EventEnvelope.of(Topic.GENERATION_FAILED, first, user,
                new GenerationFailed(first, firstRun, null, ErrorCode.UNAVAILABLE, "A worker was lost")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> generate(user, fourth).statusCode(202));
        assertTrue(given().get(metrics).then().extract().asString()
                .contains("slideo_quota_refusals_total{quota=\"generation\"}"), "generation refusals counted");
    }

    @Test
    void concurrentRequestsOfOneUserStartNoMoreDecksThanAllowed() throws Exception {
        String user = TestTokens.newUser();
        List<String> decks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decks.add(plan(user));
        }
        ExecutorService pool = Executors.newFixedThreadPool(decks.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String deck : decks) {
                Callable<Integer> call = () -> generate(user, deck).extract().statusCode();
                statuses.add(pool.submit(call));
            }
            int accepted = 0;
            for (Future<Integer> status : statuses) {
                accepted += status.get() == 202 ? 1 : 0;
            }
            assertEquals(3, accepted, "three decks at once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeckInOneGoIsRefusedBeforeItsPlanIsAskedFor() {
        String user = TestTokens.newUser();
        generate(user, plan(user)).statusCode(202);
        generate(user, plan(user)).statusCode(202);
        String waiting = oneShot(user, "quota-one-shot-1").statusCode(202).extract().path("deckId");
        assertTrue(waiting != null);

        refused(oneShot(user, "quota-one-shot-2")).body("message", equalTo(SPENT));
        assertTrue(FakeContentService.received().stream().noneMatch(r -> "quota-one-shot-2".equals(r.requestId())),
                "no plan drafted for a refused deck");
        oneShot(TestTokens.newUser(), "quota-one-shot-3").statusCode(202);
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(429)
                .body("code", equalTo("QUOTA_EXCEEDED"))
                .body("retryable", equalTo(false))
                .body("request_id", notNullValue());
    }

    private static ValidatableResponse oneShot(String user, String requestId) {
        return as(user).contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .body(Map.of("documentIds", List.of(UUID.randomUUID().toString()), "description", "A briefing"))
                .post("/api/v1/decks").then();
    }

    private static String plan(String user) {
        String deckId = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        List<PlannedSlide> planned = List.of(
                new PlannedSlide(0, "Opening", SlideLayout.TITLE, List.of("Point"), List.of(new SourceRef(document, 1))),
                new PlannedSlide(1, "Detail", SlideLayout.BULLETS, List.of("Point"), List.of(new SourceRef(document, 2))));
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-1", 1, "Quarterly review", "Review", THEME, List.of(document), planned)));
        // Long enough for the consumer to join its group on a busy machine, the first time.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("plannedSlides", equalTo(2)));
        return deckId;
    }

    private static ValidatableResponse generate(String user, String deckId) {
        return as(user).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/decks/" + deckId + "/generations").then();
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
