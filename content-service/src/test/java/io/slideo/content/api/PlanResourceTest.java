package io.slideo.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.Notification;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanFailed;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

@QuarkusTest
class PlanResourceTest extends ContentApiTest {

    @Test
    void aPlanOverTheUsersReadDocumentIsAcceptedAndSentToTheWorkers() {
        String documentId = document(user, "extracted");

        String planId = asJson(user)
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
        asJson(user).body(Map.of("documentIds", List.of(), "slideCount", 5))
                .post("/api/v1/plans").then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("message", startsWith("documentIds"));
        asJson(user)
                .body(Map.of("documentIds", List.of(document(user, "extracted")), "slideCount", 400))
                .post("/api/v1/plans").then().statusCode(400).body("message", startsWith("slideCount"));
        asJson(user)
                .body(Map.of("documentIds", List.of(document(user, "extracted")), "themeId", "neon-pink"))
                .post("/api/v1/plans").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        asJson(user).body("{not json").post("/api/v1/plans").then().statusCode(400);
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
    void aPlanTheWorkerCouldNotDraftIsFailedWithItsReasonAndItsUserIsTold() {
        String planId = plan(user, document(user, "extracted")).then().statusCode(202).extract().path("id");
        String reason = "This failed because of an internal error (reference 42). Ask again later.";
        EventEnvelope failed = EventEnvelope.of(Topic.PLAN_FAILED, planId, user,
                new PlanFailed(planId, "req-failing", ErrorCode.INTERNAL, reason));

        kafka.send(Topic.PLAN_FAILED, failed);
        kafka.send(Topic.PLAN_FAILED, failed);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId).then()
                .statusCode(200).body("status", equalTo("failed")).body("failure.code", equalTo("INTERNAL"))
                .body("failure.message", equalTo(reason)));
        List<EventEnvelope> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payloadAs(Notification.class).type() == ServerMessageType.ERROR_RESPONSE, 2, Duration.ofSeconds(8));
        assertEquals(1, told.size(), "told once despite the duplicated failure");
        assertEquals("req-failing", told.get(0).payloadAs(Notification.class).requestId());
        assertEquals(reason, told.get(0).payloadAs(Notification.class).data().path("message").asText());

        // A late failure (a redelivered request failing on another worker) does not undo a drafted plan.
        String drafted = drafted(document(user, "extracted"));
        kafka.send(Topic.PLAN_FAILED, EventEnvelope.of(Topic.PLAN_FAILED, drafted, user,
                new PlanFailed(drafted, "req-late", ErrorCode.INTERNAL, reason)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(user)
                .get("/api/v1/plans/" + drafted).then().statusCode(200).body("status", equalTo("ready")));
    }

    @Test
    void themesAreListedAndAnUnknownOneIsNotFound() {
        as(user).get("/api/v1/themes").then().statusCode(200).body("id", hasItems("slideo-light", "slideo-dark"));
        as(user).get("/api/v1/themes/slideo-dark").then().statusCode(200).body("accentColor", startsWith("#"));
        as(user).get("/api/v1/themes/nope").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/themes").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.unsigned(user)).get("/api/v1/plans").then().statusCode(401);
    }

    @Test
    void anEditedPlanBecomesTheNextRevisionAndIsAnnouncedWithTheNewTheme() {
        String documentId = document(user, "extracted");
        String planId = drafted(documentId);
        List<Map<String, Object>> edited = List.of(
                Map.of("title", "Quarterly review", "layout", "TITLE"),
                Map.of("title", "Where the money went", "layout", "bullets", "keyPoints", List.of("Up 12%"),
                        "sources", List.of(Map.of("documentId", documentId, "page", 3))),
                Map.of("title", "A new closing slide", "layout", "CLOSING"));

        asJson(user).header("X-Request-Id", "edit-7")
                .body(Map.of("slides", edited, "themeId", "forest", "title", "Q3 review", "revision", 1))
                .put("/api/v1/plans/" + planId).then().statusCode(200)
                .body("revision", equalTo(2))
                .body("title", equalTo("Q3 review"))
                .body("themeId", equalTo("forest"))
                .body("slides.title", equalTo(List.of("Quarterly review", "Where the money went", "A new closing slide")))
                .body("slides.index", equalTo(List.of(0, 1, 2)))
                .body("slides[1].layout", equalTo("BULLETS"));

        List<EventEnvelope> planned = KafkaTestClient.await(Topic.DECK_PLANNED, e -> e.aggregateId().equals(planId), 2,
                Duration.ofSeconds(20));
        assertEquals(2, planned.size());
        DeckPlanned edit = planned.get(1).payloadAs(DeckPlanned.class);
        assertEquals(2, edit.revision());
        assertEquals("edit-7", edit.requestId());
        assertEquals("forest", edit.theme().id());
        assertEquals("Q3 review", edit.title());
        assertEquals(List.of("Quarterly review", "Where the money went", "A new closing slide"),
                edit.slides().stream().map(PlannedSlide::title).toList());
        assertEquals(List.of(new SourceRef(documentId, 3)), edit.slides().get(1).sources());
    }

    @Test
    void editsAreCheckedSlideBySlideAndAgainstTheCurrentRevision() {
        String documentId = document(user, "extracted");
        String planId = drafted(documentId);
        edit(user, planId, Map.of("slides", List.of())).statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("message", startsWith("slides must list 1 to 40"));
        edit(user, planId, Map.of("slides", java.util.Collections.nCopies(41, Map.of("title", "T", "layout", "BULLETS"))))
                .statusCode(400).body("message", startsWith("slides must list at most 40"));
        edit(user, planId, Map.of("slides", List.of(Map.of("title", "Fine", "layout", "BULLETS"),
                Map.of("title", "x".repeat(121), "layout", "DIAGRAM"),
                Map.of("title", "Sourced", "layout", "BULLETS", "sources", List.of(Map.of("documentId", "elsewhere"))))))
                .statusCode(400)
                .body("message", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("slides[1].title must be 1 to 120 characters"),
                        org.hamcrest.Matchers.containsString("slides[1].layout must be one of [TITLE, AGENDA"),
                        org.hamcrest.Matchers.containsString("slides[2].sources[0].documentId must be one of the plan's documents")));
        Map<String, Object> one = Map.of("title", "Only slide", "layout", "BULLETS");
        edit(user, planId, Map.of("slides", List.of(one), "revision", 5)).statusCode(409).body("code", equalTo("CONFLICT"));
        edit(user, planId, Map.of("slides", List.of(one), "themeId", "nope")).statusCode(404);
        edit(TestTokens.newUser(), planId, Map.of("slides", List.of(one))).statusCode(404);

        String drafting = plan(user, documentId).then().statusCode(202).extract().path("id");
        edit(user, drafting, Map.of("slides", List.of(one))).statusCode(409).body("message", containsString("drafted"));
    }

    private String drafted(String documentId) {
        String planId = plan(user, documentId).then().statusCode(202).extract().path("id");
        List<PlannedSlide> slides = List.of(
                new PlannedSlide(0, "Quarterly review", SlideLayout.TITLE, List.of(), List.of()),
                new PlannedSlide(1, "Revenue grew", SlideLayout.BULLETS, List.of("Up 12%"), List.of(new SourceRef(documentId, 3))),
                new PlannedSlide(2, "Costs", SlideLayout.BULLETS, List.of("Flat"), List.of(new SourceRef(documentId, 4))));
        kafka.send(Topic.PLAN_DRAFTED, EventEnvelope.of(Topic.PLAN_DRAFTED, planId, user,
                new PlanDrafted(planId, "req-1", "Quarterly review", slides, "offline")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId).then()
                .statusCode(200).body("status", equalTo("ready")));
        return planId;
    }

    private static io.restassured.response.ValidatableResponse edit(String user, String planId, Map<String, Object> body) {
        return asJson(user).body(body).put("/api/v1/plans/" + planId).then();
    }

    private static io.restassured.response.Response plan(String user, String documentId) {
        return asJson(user)
                .body(Map.of("documentIds", List.of(documentId), "description", "Review", "slideCount", 5))
                .post("/api/v1/plans");
    }
}
