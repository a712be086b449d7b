package io.slideo.content.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.ResearchCompleted;
import io.slideo.model.event.ResearchRequested;
import io.slideo.model.event.Topic;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** A user's own research request (research_request over the WebSocket arrives here): asked, searched, answered. */
@QuarkusTest
class ResearchRequestResourceTest extends ContentApiTest {

    @Test
    void aResearchRequestIsStoredAsSearchingAsksAWorkerAndIsCompletedByItsAnswer() {
        String researchId = asJson(user).header("X-Request-Id", "req-research-1")
                .body("{\"query\":\"  solid-state batteries \",\"maxResults\":3}")
                .post("/api/v1/research").then().statusCode(202)
                .body("status", equalTo("searching"))
                .body("query", equalTo("solid-state batteries"))
                .body("sources", hasSize(0))
                .extract().path("id");

        EventEnvelope asked = KafkaTestClient.await(Topic.RESEARCH_REQUESTED, e -> researchId.equals(e.aggregateId()), 1,
                Duration.ofSeconds(30)).get(0);
        ResearchRequested request = asked.payloadAs(ResearchRequested.class);
        assertEquals(user, asked.userId());
        assertEquals(new ResearchRequested(researchId, "req-research-1", "solid-state batteries", 3), request);
        as(user).get("/api/v1/research/" + researchId).then().statusCode(200).body("status", equalTo("searching"));

        kafka.send(Topic.RESEARCH_COMPLETED, EventEnvelope.of(Topic.RESEARCH_COMPLETED, researchId, user,
                new ResearchCompleted(researchId, "req-research-1", "solid-state batteries", List.of(
                        new ResearchCompleted.ResearchSource("https://batteries.example/a", "Cells", "Denser", "Text")),
                        null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/research/" + researchId)
                .then().statusCode(200).body("status", equalTo("done"))
                .body("sources.url", equalTo(List.of("https://batteries.example/a"))));
        as(TestTokens.newUser()).get("/api/v1/research/" + researchId).then().statusCode(404);
    }

    @Test
    void aRequestWithoutAQueryOrWithTooManyResultsIsRefusedNamingTheField() {
        asJson(user).body("{\"query\":\"  \"}").post("/api/v1/research").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD")).body("message", containsString("query"));
        asJson(user).body("{\"query\":\"x\",\"maxResults\":50}").post("/api/v1/research").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD")).body("message", containsString("maxResults"));
        asJson(user).body("not json").post("/api/v1/research").then().statusCode(400);
    }

    @Test
    void aUserWithFiveSearchesRunningIsToldToWait() {
        for (int i = 0; i < 5; i++) {
            asJson(user).body("{\"query\":\"topic " + i + "\"}").post("/api/v1/research").then().statusCode(202);
        }
        asJson(user).body("{\"query\":\"one more\"}").post("/api/v1/research").then().statusCode(429)
                .body("code", equalTo("RATE_LIMITED")).body("retryable", equalTo(true))
                .body("message", containsString("5 web searches still running"));
        asJson(TestTokens.newUser()).body("{\"query\":\"someone else\"}").post("/api/v1/research").then().statusCode(202);
    }
}
