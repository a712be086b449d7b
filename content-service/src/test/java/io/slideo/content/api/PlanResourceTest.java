package io.slideo.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slideo.content.client.FakeDocumentService;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeDocumentService.class, restrictToAnnotatedClass = true)
class PlanResourceTest {
    private static KafkaTestClient kafka;
    private final String user = TestTokens.newUser();

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aPlanOverTheUsersReadDocumentIsAcceptedAndSentToTheWorkers() {
        String documentId = document(user, "extracted");

        String planId = as(user).contentType(ContentType.JSON)
                .body(Map.of("documentIds", List.of(documentId), "description", "Quarterly review", "slideCount", 6))
                .header("X-Request-Id", "req-42")
                .post("/api/v1/plans")
                .then().statusCode(202)
                .body("status", equalTo("drafting"))
                .body("themeId", equalTo("slideo-light"))
                .extract().path("id");

        List<EventEnvelope> requested = KafkaTestClient.await(Topic.PLAN_REQUESTED, e -> e.aggregateId().equals(planId),
                1, Duration.ofSeconds(20));
        assertEquals(1, requested.size());
        PlanRequested payload = requested.get(0).payloadAs(PlanRequested.class);
        assertEquals(List.of(documentId), payload.documentIds());
        assertEquals(6, payload.slideCount());
        assertEquals("req-42", payload.requestId());
        assertEquals(user, requested.get(0).userId());
    }

    @Test
    void documentsThatAreNotTheUsersOrNotReadyAreRefusedWithTheirReason() {
        String strangers = document(TestTokens.newUser(), "extracted");
        plan(user, strangers).then().statusCode(404).body("code", equalTo("NOT_FOUND"));

        String pending = document(user, "uploaded");
        plan(user, pending).then().statusCode(409).body("code", equalTo("CONFLICT")).body("retryable", equalTo(true));

        String failed = document(user, "failed");
        plan(user, failed).then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
    }

    @Test
    void badRequestsNameTheFieldAtFault() {
        as(user).contentType(ContentType.JSON).body(Map.of("documentIds", List.of(), "slideCount", 5))
                .post("/api/v1/plans").then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("message", startsWith("documentIds"));
        as(user).contentType(ContentType.JSON)
                .body(Map.of("documentIds", List.of(document(user, "extracted")), "slideCount", 400))
                .post("/api/v1/plans").then().statusCode(400).body("message", startsWith("slideCount"));
        as(user).contentType(ContentType.JSON)
                .body(Map.of("documentIds", List.of(document(user, "extracted")), "themeId", "neon-pink"))
                .post("/api/v1/plans").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(user).contentType(ContentType.JSON).body("{not json").post("/api/v1/plans").then().statusCode(400);
    }

    @Test
    void aDraftIsStoredOnceAndAnnouncesTheDeckWithItsTheme() {
        String planId = plan(user, document(user, "extracted")).then().statusCode(202).extract().path("id");
        List<PlannedSlide> slides = List.of(
                new PlannedSlide(0, "Quarterly review", SlideLayout.TITLE, List.of(), List.of()),
                new PlannedSlide(1, "Revenue grew", SlideLayout.BULLETS, List.of("Up 12%"), List.of(new SourceRef("d", 3))));
        EventEnvelope drafted = EventEnvelope.of(Topic.PLAN_DRAFTED, planId, user,
                new PlanDrafted(planId, "req-1", "Quarterly review", slides, "offline"));

        kafka.send(Topic.PLAN_DRAFTED, drafted);
        kafka.send(Topic.PLAN_DRAFTED, drafted);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId).then()
                .statusCode(200).body("status", equalTo("ready")).body("slides", hasSize(2))
                .body("revision", equalTo(1)).body("deckId", equalTo(planId)));
        List<EventEnvelope> planned = KafkaTestClient.await(Topic.DECK_PLANNED, e -> e.aggregateId().equals(planId), 2,
                Duration.ofSeconds(8));
        assertEquals(1, planned.size(), "one deck.planned.v1 despite the duplicated draft");
        DeckPlanned deck = planned.get(0).payloadAs(DeckPlanned.class);
        assertEquals("slideo-light", deck.theme().id());
        assertEquals(2, deck.slides().size());
        as(TestTokens.newUser()).get("/api/v1/plans/" + planId).then().statusCode(404);
    }

    @Test
    void themesAreListedAndAnUnknownOneIsNotFound() {
        as(user).get("/api/v1/themes").then().statusCode(200).body("id", hasItems("slideo-light", "slideo-dark"));
        as(user).get("/api/v1/themes/slideo-dark").then().statusCode(200).body("accentColor", startsWith("#"));
        as(user).get("/api/v1/themes/nope").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/themes").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.unsigned(user)).get("/api/v1/plans").then().statusCode(401);
    }

    private static String document(String owner, String status) {
        String id = UUID.randomUUID().toString();
        FakeDocumentService.add(id, owner, status);
        return id;
    }

    private static io.restassured.response.Response plan(String user, String documentId) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("documentIds", List.of(documentId), "description", "Review", "slideCount", 5))
                .post("/api/v1/plans");
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
