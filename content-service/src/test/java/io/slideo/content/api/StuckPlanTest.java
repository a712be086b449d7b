package io.slideo.content.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.testing.KafkaTestClient;

/** The watchdog fails a plan no worker drafts, tells its user, and a late draft still makes it ready. */
@QuarkusTest
@TestProfile(StuckPlanTest.QuickWatchdog.class)
class StuckPlanTest extends ContentApiTest {

    /** A watchdog that looks every second and waits three seconds for a draft. */
    public static class QuickWatchdog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.watchdog.every", "1s", "slideo.plans.drafting-patience", "3s");
        }
    }

    @Test
    void aPlanNoWorkerDraftsIsFailedAndItsUserToldUntilTheDraftArrives() {
        String planId = asJson(user)
                .body(Map.of("documentIds", List.of(document(user, "extracted")), "description", "Review", "slideCount", 5))
                .header("X-Request-Id", "req-stuck-plan").post("/api/v1/plans").then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId).then()
                .statusCode(200).body("status", equalTo("failed")).body("failure.code", equalTo("UNAVAILABLE"))
                .body("failure.message", startsWith("Drafting this plan made no progress")));
        List<Notification> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payloadAs(Notification.class).type() == ServerMessageType.ERROR_RESPONSE, 2, Duration.ofSeconds(6))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(1, told.size(), "told once, though the watchdog looks every second");
        assertEquals("req-stuck-plan", told.get(0).requestId());

        kafka.send(Topic.PLAN_DRAFTED, EventEnvelope.of(Topic.PLAN_DRAFTED, planId, user, new PlanDrafted(planId,
                "req-stuck-plan", "Review", List.of(new PlannedSlide(0, "Review", SlideLayout.TITLE, List.of(), List.of())),
                "offline")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId).then()
                .statusCode(200).body("status", equalTo("ready")).body("failure", nullValue()));
    }
}
