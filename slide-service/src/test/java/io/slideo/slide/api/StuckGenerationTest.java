package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** The watchdog fails a run that stopped writing, tells its user, and a late completion still completes the deck. */
@QuarkusTest
@TestProfile(StuckGenerationTest.QuickWatchdog.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class StuckGenerationTest {
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();

    /** A watchdog that looks every second and waits three seconds for progress. */
    public static class QuickWatchdog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.watchdog.every", "1s", "slideo.decks.writing-patience", "3s");
        }
    }

    @Test
    void aRunThatStopsWritingIsFailedAndItsUserToldUntilItsCompletionArrives() {
        String deckId = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        Theme theme = new Theme("slideo-light", "Light", "", "#ffffff", "#111111", "#000000", "#2f6fde",
                "Liberation Sans", "Liberation Sans");
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user, new DeckPlanned(deckId, "req-1", 1,
                "Review", "Review", theme, List.of(document), List.of(new PlannedSlide(0, "Review", SlideLayout.BULLETS,
                        List.of("A point"), List.of(new SourceRef(document, 1)))))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("plannedSlides", equalTo(1)));
        String generationId = as(user).contentType(ContentType.JSON).body(Map.of("slideIndexes", List.of()))
                .header("X-Request-Id", "req-stuck").post("/api/v1/decks/" + deckId + "/generations")
                .then().statusCode(202).extract().path("generationId");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("status", equalTo("failed")).body("failure.code", equalTo("UNAVAILABLE"))
                .body("failure.message", startsWith("Writing this deck made no progress")));
        List<Notification> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payloadAs(Notification.class).type() == ServerMessageType.ERROR_RESPONSE, 2, Duration.ofSeconds(6))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(1, told.size(), "told once, though the watchdog looks every second");
        assertEquals("req-stuck", told.get(0).requestId());

        // The worker was only slow: its slide and completion arrive after all.
        kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(deckId,
                generationId, "req-stuck", 0, 1, "Review", SlideLayout.BULLETS,
                List.of(new Bullet("A point", new SourceRef(document, 1))), "Notes.", "offline")));
        kafka.send(Topic.DECK_COMPLETED, EventEnvelope.of(Topic.DECK_COMPLETED, deckId, user,
                new DeckCompleted(deckId, generationId, "req-stuck", 1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200).body("status", equalTo("complete")).body("failure", nullValue()));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
