package io.slideo.content.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.ResearchCompleted;
import io.slideo.model.event.Topic;
import io.slideo.testing.TestTokens;

@QuarkusTest
class ResearchAndPromptResourceTest extends ContentApiTest {

    @Test
    void researchAWorkerFoundIsStoredWithItsUrlsAndShownOnlyToItsOwner() {
        String planId = UUID.randomUUID().toString();
        ResearchCompleted completed = new ResearchCompleted(planId, "req-" + planId, "car safety", List.of(
                new ResearchCompleted.ResearchSource("https://research.example/1", "Finding 1", "Brakes matter", "Text 1"),
                new ResearchCompleted.ResearchSource("https://research.example/2", "Finding 2", "Tyres matter", "Text 2")),
                null);
        EventEnvelope event = EventEnvelope.of(Topic.RESEARCH_COMPLETED, planId, user, completed);
        kafka.send(Topic.RESEARCH_COMPLETED, event);
        kafka.send(Topic.RESEARCH_COMPLETED, event); // redelivered: stored once

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/plans/" + planId + "/research")
                .then().statusCode(200)
                .body("query", equalTo("car safety"))
                .body("sources", hasSize(2))
                .body("sources.url", hasItems("https://research.example/1", "https://research.example/2")));
        as(user).get("/api/v1/research/" + planId).then().statusCode(200).body("sources[0].title", equalTo("Finding 1"));
        as(TestTokens.newUser()).get("/api/v1/plans/" + planId + "/research").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void researchThatDidNotRunIsStoredWithTheReason() {
        String researchId = UUID.randomUUID().toString();
        kafka.send(Topic.RESEARCH_COMPLETED, EventEnvelope.of(Topic.RESEARCH_COMPLETED, researchId, user,
                new ResearchCompleted(researchId, "req", "anything", List.of(), "Web research is off: no search key")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/research/" + researchId)
                .then().statusCode(200).body("sources", hasSize(0))
                .body("message", equalTo("Web research is off: no search key")));
    }

    @Test
    void thePromptCatalogListsTheWorkersTemplatesWithTheirVariablesAndSettings() {
        as(user).get("/api/v1/prompts").then().statusCode(200)
                .body("name", hasItems("deck-plan", "slide-write", "speaker-notes", "research-summary", "json-repair"))
                .body("find { it.name == 'slide-write' }.version", equalTo(1))
                .body("find { it.name == 'slide-write' }.variables", hasItems("passages", "keyPoints"))
                .body("find { it.name == 'slide-write' }.model.'max-tokens'", notNullValue());
        as(user).get("/api/v1/prompts/deck-plan").then().statusCode(200)
                .body("user", notNullValue()).body("description", notNullValue());
        as(user).get("/api/v1/prompts/nope").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
