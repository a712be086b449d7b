package io.slideo.content.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.Topic;

/** Requests that cannot be taken are refused with one error shape that names the field at fault. */
@QuarkusTest
class PlanRequestErrorsTest extends ContentApiTest {

    @Test
    void theIssuesEditOfFortySlidesOfControlCharactersIsRefusedNamingTheFieldAndLimit() {
        String planId = drafted(document(user, "extracted"));
        String controls = "\u0001".repeat(400);
        Map<String, Object> slide = Map.of("title", "Slide", "layout", "BULLETS",
                "keyPoints", Collections.nCopies(12, controls));

        edit(planId, Map.of("slides", Collections.nCopies(40, slide)))
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("message", startsWith("slides[0].keyPoints[0] must be 1 to 400 characters"))
                .body("message.length()", lessThan(2000))
                .body("request_id", not(equalTo(null)));
        as(user).get("/api/v1/plans/" + planId).then().statusCode(200).body("revision", equalTo(1));
    }

    @Test
    void aWronglyTypedFieldOfANewPlanIsNamedInTheError() {
        String documentId = document(user, "extracted");

        refused(asJson(user).body(Map.of("documentIds", List.of(documentId), "slideCount", "many"))
                .post("/api/v1/plans").then(), "slideCount must be a whole number");
        refused(asJson(user).body(Map.of("documentIds", documentId)).post("/api/v1/plans").then(),
                "documentIds must be a list");
        refused(asJson(user).body(Map.of("documentIds", List.of(documentId), "research", List.of(1)))
                .post("/api/v1/plans").then(), "research must be true or false");
    }

    @Test
    void aWronglyTypedFieldOfAnEditIsNamedInTheError() {
        String planId = drafted(document(user, "extracted"));

        refused(edit(planId, Map.of("slides", List.of(Map.of("title", "T", "layout", "BULLETS", "keyPoints", 5)))),
                "slides[0].keyPoints must be a list");
        refused(edit(planId, Map.of("slides", List.of(Map.of("title", List.of("T"), "layout", "BULLETS")))),
                "slides[0].title must be text");
        refused(edit(planId, Map.of("slides", List.of(), "revision", "two")), "revision must be a whole number");
    }

    @Test
    void aBodyThatIsNotJsonSaysWhere() {
        asJson(user).body("{\"documentIds\": [\"a\"], not json").post("/api/v1/plans").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_JSON"))
                .body("message", startsWith("The request body is not valid JSON (line 1, column"));
    }

    private static void refused(ValidatableResponse response, String message) {
        response.statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("message", equalTo(message))
                .body("message", allOf(not(containsString("java.")), not(containsString("io.slideo"))));
    }

    private ValidatableResponse edit(String planId, Map<String, Object> body) {
        return asJson(user).body(body).put("/api/v1/plans/" + planId).then();
    }

    private String drafted(String documentId) {
        String planId = asJson(user)
                .body(Map.of("documentIds", List.of(documentId), "description", "Review", "slideCount", 5))
                .post("/api/v1/plans").then().statusCode(202).extract().path("id");
        List<PlannedSlide> slides = List.of(new PlannedSlide(0, "Review", SlideLayout.TITLE, List.of(), List.of()));
        kafka.send(Topic.PLAN_DRAFTED, EventEnvelope.of(Topic.PLAN_DRAFTED, planId, user,
                new PlanDrafted(planId, "req-1", "Review", slides, "offline")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId).then()
                .statusCode(200).body("status", equalTo("ready")));
        return planId;
    }
}
