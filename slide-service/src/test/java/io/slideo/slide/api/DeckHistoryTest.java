package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.QualityReport;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.Notification;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** Every version kept with its content, restores as new versions, and decks that follow an edited plan. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class DeckHistoryTest {
    private static final Theme THEME = new Theme("paper", "Paper", "", "#fbf7ef", "#2d2a26", "#5a1e1e", "#b4532a",
            "Liberation Serif", "Liberation Serif", 40, 22, 1.25, "rule");
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();
    private final String document = UUID.randomUUID().toString();

    @Test
    void twoColumnsTablesAndTheQualityReportAreKeptWithEachVersion() {
        List<PlannedSlide> plan = planned("Overview", "Compare", "Figures");
        String deckId = plan(plan, 1);
        String generation = generate(deckId, List.of());
        send(deckId, generation, 0, 3, "Overview", SlideLayout.TITLE, List.of(), List.of(), null);
        send(deckId, generation, 1, 3, "Compare", SlideLayout.TWO_COLUMNS,
                List.of(new Bullet("Right side point", new SourceRef(document, 4))), List.of(), quality());
        send(deckId, generation, 2, 3, "Figures", SlideLayout.TABLE, List.of(),
                List.of(List.of("Year", "Revenue"), List.of("2024", "12 M")), quality());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides", hasSize(3))
                .body("slides[1].layout", equalTo("TWO_COLUMNS"))
                .body("slides[1].secondColumn[0].text", equalTo("Right side point"))
                .body("slides[2].table[1]", equalTo(List.of("2024", "12 M")))
                .body("slides[2].quality.passed", equalTo(true))
                .body("slides[2].quality.actions", equalTo(List.of("shortened a bullet to 14 words"))));
        graphql(user, "{ deck(id: \"" + deckId + "\") { slides { versions { secondColumn { text page } table "
                + "quality { passed checks fill } } } } }")
                .body("errors", nullValue())
                .body("data.deck.slides[1].versions[0].secondColumn[0].page", equalTo(4))
                .body("data.deck.slides[2].versions[0].table[0]", equalTo(List.of("Year", "Revenue")))
                .body("data.deck.slides[2].versions[0].quality.fill", equalTo(0.62f));
    }

    @Test
    void restoringAVersionWritesItAgainAsTheNewestAndTellsTheUser() {
        String deckId = plan(planned("Title", "Detail"), 1);
        String first = generate(deckId, List.of());
        send(deckId, first, 0, 2, "Title", SlideLayout.TITLE, List.of(), List.of(), null);
        send(deckId, first, 1, 2, "Detail", SlideLayout.BULLETS, List.of(), List.of(), null);
        String second = generate(deckId, List.of(1));
        send(deckId, second, 1, 1, "Detail, shorter", SlideLayout.BULLETS, List.of(), List.of(), null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides[1].version", equalTo(2)));

        graphql(user, "mutation { restoreSlideVersion(deckId: \"" + deckId + "\", slideIndex: 1, version: 1) "
                + "{ version title reason createdBy } }")
                .body("errors", nullValue())
                .body("data.restoreSlideVersion.version", equalTo(3))
                .body("data.restoreSlideVersion.title", equalTo("Detail"))
                .body("data.restoreSlideVersion.reason", equalTo("restored version 1"))
                .body("data.restoreSlideVersion.createdBy", equalTo(user));

        graphql(user, "{ deck(id: \"" + deckId + "\") { slides { index currentVersion title versions { version title reason } } } }")
                .body("data.deck.slides[1].currentVersion", equalTo(3))
                .body("data.deck.slides[1].title", equalTo("Detail"))
                .body("data.deck.slides[1].versions.version", equalTo(List.of(1, 2, 3)))
                .body("data.deck.slides[1].versions.reason", equalTo(List.of("generated", "generated", "restored version 1")));
        List<Notification> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payload().path("data").path("version").asInt() == 3, 1, Duration.ofSeconds(20))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(ServerMessageType.SLIDE_COMPLETE, told.get(0).type());
        assertEquals(1, told.get(0).data().path("slide_index").asInt());

        graphql(TestTokens.newUser(), "mutation { restoreSlideVersion(deckId: \"" + deckId + "\", slideIndex: 1, version: 1) { version } }")
                .body("data.restoreSlideVersion", nullValue())
                .body("errors[0].extensions.error.code", equalTo("NOT_FOUND"));
        graphql(user, "mutation { restoreSlideVersion(deckId: \"" + deckId + "\", slideIndex: 1, version: 9) { version } }")
                .body("errors[0].extensions.error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aDeckFollowsItsEditedPlanAndARegenerationWritesExactlyTheEditedSlides() {
        List<PlannedSlide> first = planned("Opening", "Revenue", "Costs", "Outlook");
        String deckId = plan(first, 1);
        String generation = generate(deckId, List.of());
        for (int i = 0; i < 4; i++) {
            send(deckId, generation, i, 4, first.get(i).title(), SlideLayout.BULLETS, List.of(), List.of(), null);
        }
        kafka.send(Topic.DECK_COMPLETED, EventEnvelope.of(Topic.DECK_COMPLETED, deckId, user,
                new DeckCompleted(deckId, generation, "req-1", 4)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("status", equalTo("complete")));

        // Outlook moves up, Revenue is renamed, Costs is dropped, a new slide closes the deck.
        List<PlannedSlide> edited = List.of(at(first.get(0), 0), at(first.get(3), 1),
                new PlannedSlide(2, "Where the money came from", SlideLayout.BULLETS, List.of("Point"),
                        List.of(new SourceRef(document, 2))),
                new PlannedSlide(3, "Questions", SlideLayout.CLOSING, List.of(), List.of()));
        plan(deckId, edited, 2);
        as(user).get("/api/v1/decks/" + deckId).then()
                .body("status", equalTo("planned"))
                .body("slides.index", equalTo(List.of(0, 1)))
                .body("slides.title", equalTo(List.of("Opening", "Outlook")));

        String regeneration = generate(deckId, List.of());
        GenerationRequested requested = KafkaTestClient.await(Topic.GENERATION_REQUESTED,
                e -> e.payload().path("generationId").asText().equals(regeneration), 1, Duration.ofSeconds(20)).get(0)
                .payloadAs(GenerationRequested.class);
        assertEquals(List.of("Opening", "Outlook", "Where the money came from", "Questions"),
                requested.slides().stream().map(PlannedSlide::title).toList());
        for (PlannedSlide slide : requested.slides()) {
            send(deckId, regeneration, slide.index(), 4, slide.title(), slide.layout(), List.of(), List.of(), null);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides.title", equalTo(List.of("Opening", "Outlook", "Where the money came from", "Questions")))
                .body("slides.version", equalTo(List.of(2, 2, 1, 1))));
        graphql(user, "{ deck(id: \"" + deckId + "\") { planRevision slides { index versions { title } } } }")
                .body("data.deck.planRevision", equalTo(2))
                .body("data.deck.slides[1].versions.title", equalTo(List.of("Outlook", "Outlook")));
    }

    private List<PlannedSlide> planned(String... titles) {
        List<PlannedSlide> slides = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            slides.add(new PlannedSlide(i, titles[i], i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of("Point " + i), List.of(new SourceRef(document, i + 1))));
        }
        return slides;
    }

    private static PlannedSlide at(PlannedSlide slide, int index) {
        return new PlannedSlide(index, slide.title(), slide.layout(), slide.keyPoints(), slide.sources());
    }

    private String plan(List<PlannedSlide> slides, int revision) {
        String deckId = UUID.randomUUID().toString();
        plan(deckId, slides, revision);
        return deckId;
    }

    private void plan(String deckId, List<PlannedSlide> slides, int revision) {
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-1", revision, "Quarterly review", "Review", THEME, List.of(document), slides)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("planRevision", equalTo(revision)).body("plannedSlides", equalTo(slides.size())));
    }

    private String generate(String deckId, List<Integer> indexes) {
        return as(user).contentType(ContentType.JSON).body(Map.of("slideIndexes", indexes))
                .post("/api/v1/decks/" + deckId + "/generations").then().statusCode(202).extract().path("generationId");
    }

    private void send(String deckId, String generationId, int index, int total, String title, SlideLayout layout,
            List<Bullet> second, List<List<String>> table, QualityReport quality) {
        kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(
                deckId, generationId, "req-1", index, total, title, layout,
                List.of(new Bullet("A point of slide " + index, new SourceRef(document, index + 1))), "Notes.", "offline",
                second, table, quality)));
    }

    private static QualityReport quality() {
        return new QualityReport(true, List.of("title fits", "body fits"), List.of("shortened a bullet to 14 words"), 0.62);
    }

    private static ValidatableResponse graphql(String user, String query) {
        return as(user).contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then()
                .statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
