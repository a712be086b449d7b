package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationFailed;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.Notification;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.TokenUsage;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class DeckLifecycleTest {
    private static final Theme THEME = new Theme("slideo-light", "Light", "", "#ffffff", "#111111", "#000000",
            "#2f6fde", "Liberation Sans", "Liberation Sans");
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();
    private final String document = UUID.randomUUID().toString();

    @Test
    void aPlannedDeckIsWrittenSlideBySlideAndCompletesOnceWhateverTheOrderOfEvents() {
        String deckId = plan(3);
        String generationId = generate(deckId, List.of()).extract().path("generationId");
        GenerationRequested requested = KafkaTestClient.await(Topic.GENERATION_REQUESTED,
                e -> e.aggregateId().equals(deckId), 1, Duration.ofSeconds(20)).get(0).payloadAs(GenerationRequested.class);
        assertEquals(3, requested.slides().size());
        assertEquals("slideo-light", requested.theme().id());

        // The completion overtakes the last slide: they travel on different topics.
        send(slide(deckId, generationId, 0, 3, "Quarterly review"));
        send(slide(deckId, generationId, 1, 3, "Revenue <script>alert(1)</script> grew"));
        kafka.send(Topic.DECK_COMPLETED, EventEnvelope.of(Topic.DECK_COMPLETED, deckId, user,
                new DeckCompleted(deckId, generationId, "req-1", 3)));
        EventEnvelope last = slide(deckId, generationId, 2, 3, "Next steps");
        send(last);
        send(last); // the same event again
        send(slide(deckId, generationId, 2, 3, "Next steps")); // a new event for a slide already stored

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("status", equalTo("complete")).body("slides", hasSize(3)));
        List<Notification> told = notifications(deckId, 7);
        assertEquals(3, told.stream().filter(n -> n.type() == ServerMessageType.SLIDE_COMPLETE).count(),
                "one slide_complete per slide");
        assertEquals(1, told.stream().filter(n -> n.type() == ServerMessageType.DECK_COMPLETE).count(),
                "one deck_complete");
        assertEquals(1, told.stream().filter(n -> n.type() == ServerMessageType.PLAN_RESPONSE).count());

        graphql(user, "{ deck(id: \"" + deckId + "\") { title status slides { index currentVersion versions { version reason bullets { text page } } } } }")
                .body("errors", nullValue())
                .body("data.deck.status", equalTo("complete"))
                .body("data.deck.slides", hasSize(3))
                .body("data.deck.slides[1].versions", hasSize(1))
                .body("data.deck.slides[1].versions[0].bullets[0].page", equalTo(2));
    }

    @Test
    void aRunTheWorkerCouldNotFinishFailsTheDeckWithItsReasonUntilALaterRunCompletesIt() {
        String deckId = plan(2);
        String generationId = generate(deckId, List.of()).extract().path("generationId");
        send(slide(deckId, generationId, 0, 2, "Quarterly review"));
        String reason = "A service this needs was unavailable for more than 3 minutes. Ask again.";
        EventEnvelope failed = EventEnvelope.of(Topic.GENERATION_FAILED, deckId, user,
                new GenerationFailed(deckId, generationId, "req-1", ErrorCode.UNAVAILABLE, reason));
        kafka.send(Topic.GENERATION_FAILED, failed);
        kafka.send(Topic.GENERATION_FAILED, failed);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("status", equalTo("failed")).body("failure.code", equalTo("UNAVAILABLE"))
                .body("failure.message", equalTo(reason)).body("slides", hasSize(1)));
        List<Notification> errors = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payloadAs(Notification.class).type() == ServerMessageType.ERROR_RESPONSE, 2, Duration.ofSeconds(8))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(1, errors.size(), "told once despite the duplicated failure");
        assertEquals(reason, errors.get(0).data().path("message").asText());
        assertTrue(errors.get(0).data().path("retryable").asBoolean());

        String again = generate(deckId, List.of()).extract().path("generationId");
        send(slide(deckId, again, 0, 2, "Quarterly review"));
        send(slide(deckId, again, 1, 2, "Next steps"));
        kafka.send(Topic.DECK_COMPLETED, EventEnvelope.of(Topic.DECK_COMPLETED, deckId, user,
                new DeckCompleted(deckId, again, "req-2", 2)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("status", equalTo("complete")).body("failure", nullValue()));
    }

    @Test
    void aGenerationPassesTheChosenModelOnAndTheDeckShowsWhoWroteItAndItsTokens() {
        String deckId = plan(2);
        as(user).get("/api/v1/decks/" + deckId).then().body("usage.generator", nullValue())
                .body("usage.totalTokens", equalTo(0));
        String generationId = as(user).contentType(ContentType.JSON).body(Map.of("model", "llama3.1:8b"))
                .post("/api/v1/decks/" + deckId + "/generations").then().statusCode(202)
                .extract().path("generationId");
        GenerationRequested requested = KafkaTestClient.await(Topic.GENERATION_REQUESTED,
                e -> e.aggregateId().equals(deckId), 1, Duration.ofSeconds(20)).get(0).payloadAs(GenerationRequested.class);
        assertEquals("llama3.1:8b", requested.model());

        send(slide(deckId, generationId, 0, 2, "Title"));
        send(slide(deckId, generationId, 1, 2, "Detail"));
        kafka.send(Topic.DECK_COMPLETED, EventEnvelope.of(Topic.DECK_COMPLETED, deckId, user,
                new DeckCompleted(deckId, generationId, "req-1", 2, new TokenUsage("model:llama3.1:8b", 1500, 300))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("status", equalTo("complete"))
                .body("usage.generator", equalTo("model:llama3.1:8b"))
                .body("usage.inputTokens", equalTo(1500)).body("usage.outputTokens", equalTo(300))
                .body("usage.totalTokens", equalTo(1800)));
        graphql(user, "{ deck(id: \"" + deckId + "\") { usage { generator totalTokens } } }")
                .body("errors", nullValue())
                .body("data.deck.usage.generator", equalTo("model:llama3.1:8b"))
                .body("data.deck.usage.totalTokens", equalTo(1800));

        as(user).contentType(ContentType.JSON).body(Map.of("model", "gpt 4o; drop table"))
                .post("/api/v1/decks/" + deckId + "/generations").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD")).body("message", containsString("model"));
    }

    @Test
    void regeneratingASlideKeepsEveryVersion() {
        String deckId = plan(2);
        String first = generate(deckId, List.of()).extract().path("generationId");
        send(slide(deckId, first, 0, 2, "Title"));
        send(slide(deckId, first, 1, 2, "Detail"));
        String second = generate(deckId, List.of(1)).extract().path("generationId");
        send(slide(deckId, second, 1, 1, "Detail, shorter"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graphql(user,
                "{ deck(id: \"" + deckId + "\") { slides { index currentVersion title versions { version title generationId } } } }")
                .body("data.deck.slides[1].currentVersion", equalTo(2))
                .body("data.deck.slides[1].title", equalTo("Detail, shorter"))
                .body("data.deck.slides[1].versions.title", equalTo(List.of("Detail", "Detail, shorter")))
                .body("data.deck.slides[0].versions", hasSize(1)));
        generate(deckId, List.of(7)).statusCode(400);
    }

    @Test
    void theHtmlExportIsSelfContainedAndEscapesDocumentText() {
        String deckId = plan(2);
        String generationId = generate(deckId, List.of()).extract().path("generationId");
        send(slide(deckId, generationId, 0, 2, "Quarterly review"));
        send(slide(deckId, generationId, 1, 2, "Revenue <script>alert(1)</script> grew"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId)
                .then().body("slides", hasSize(2)));

        String html = as(user).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Quarterly review"))
                .body(containsString("Revenue &lt;script&gt;alert(1)&lt;/script&gt; grew"))
                .body(not(containsString("<script")))
                .extract().asString();
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no external resources");
        assertTrue(html.contains("document 1, p. 2"), "bullets show their source");
        as(user).get("/api/v1/decks/" + deckId + "/export?format=docx").then().statusCode(400);
    }

    @Test
    void anotherUserGetsNotFoundOnEverySurface() {
        String deckId = plan(2);
        String stranger = TestTokens.newUser();
        as(stranger).get("/api/v1/decks/" + deckId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(stranger).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body("{}").post("/api/v1/decks/" + deckId + "/generations")
                .then().statusCode(404);
        graphql(stranger, "{ deck(id: \"" + deckId + "\") { title } }")
                .body("data.deck", nullValue())
                .body("errors[0].message", containsString("does not exist"))
                .body("errors[0].extensions.error.code", equalTo("NOT_FOUND"));
        graphql(stranger, "{ decks { id } }").body("data.decks.id", not(org.hamcrest.Matchers.hasItem(deckId)));
        given().contentType(ContentType.JSON).body(Map.of("query", "{ decks { id } }")).post("/graphql")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired(user)).get("/api/v1/decks").then().statusCode(401);
    }

    private String plan(int slides) {
        String deckId = UUID.randomUUID().toString();
        List<PlannedSlide> planned = new java.util.ArrayList<>();
        for (int i = 0; i < slides; i++) {
            planned.add(new PlannedSlide(i, "Slide " + i, i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of("Point " + i), List.of(new SourceRef(document, i + 1))));
        }
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-1", 1, "Quarterly review", "Review", THEME, List.of(document), planned)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("plannedSlides", equalTo(slides)));
        return deckId;
    }

    private io.restassured.response.ValidatableResponse generate(String deckId, List<Integer> indexes) {
        return as(user).contentType(ContentType.JSON).body(Map.of("slideIndexes", indexes))
                .post("/api/v1/decks/" + deckId + "/generations").then().statusCode(org.hamcrest.Matchers.anyOf(
                        equalTo(202), equalTo(400)));
    }

    private EventEnvelope slide(String deckId, String generationId, int index, int total, String title) {
        return EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(deckId, generationId, "req-1",
                index, total, title, index == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                List.of(new Bullet("A point of slide " + index, new SourceRef(document, index + 1))), "Notes.",
                "offline"));
    }

    private void send(EventEnvelope event) {
        kafka.send(Topic.SLIDE_GENERATED, event);
    }

    private List<Notification> notifications(String deckId, int atLeast) {
        return KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payload().path("data").toString().contains(deckId), atLeast + 2, Duration.ofSeconds(10))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
    }

    private static io.restassured.response.ValidatableResponse graphql(String user, String query) {
        return as(user).contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then()
                .statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
