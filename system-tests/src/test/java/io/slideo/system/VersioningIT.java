package io.slideo.system;

import static io.slideo.system.LiveSocket.replyTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Two slides rewritten twice, one restored: GraphQL shows every version, in order, with who/when/why. */
class VersioningIT {

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void everyVersionIsKeptInOrderAndARestoreIsANewVersion() throws Exception {
        String user = TestTokens.newUser();
        String token = TestTokens.valid(user);
        try (LiveSocket live = LiveSocket.open(token)) {
            String deckId = Suite.deckFrom(token, live, "paper-tracemonkey.pdf", 5).deckId();
            generate(live, new JsonObject().put("deck_id", deckId));
            generate(live, new JsonObject().put("deck_id", deckId).put("slide_indexes", new JsonArray().add(2).add(3))
                    .put("instructions", "shorter"));
            generate(live, new JsonObject().put("deck_id", deckId).put("slide_indexes", new JsonArray().add(2).add(3))
                    .put("instructions", "more detail"));

            Suite.graphql(token, "mutation { restoreSlideVersion(deckId: \"" + deckId + "\", slideIndex: 2, version: 1)"
                    + " { version reason } }").statusCode(200).body("errors", nullValue());

            JsonPath deck = Suite.graphql(token, "{ deck(id: \"" + deckId + "\") { slides { index currentVersion"
                    + " versions { version reason createdBy createdAt title } } } }")
                    .statusCode(200).body("errors", nullValue()).extract().jsonPath();
            List<Map<String, Object>> slides = deck.getList("data.deck.slides");
            assertEquals(List.of(1, 2, 3, 4), versionsOf(slides, 2, "version"));
            assertEquals(List.of("generated", "shorter", "more detail", "restored version 1"), versionsOf(slides, 2, "reason"));
            assertEquals(4, slideAt(slides, 2).get("currentVersion"));
            assertEquals(List.of(1, 2, 3), versionsOf(slides, 3, "version"));
            assertEquals(List.of(1), versionsOf(slides, 1, "version"));
            for (Map<String, Object> slide : slides) {
                List<Object> times = versionsOf(slides, (Integer) slide.get("index"), "createdAt");
                for (int i = 1; i < times.size(); i++) {
                    assertTrue(!Instant.parse((String) times.get(i)).isBefore(Instant.parse((String) times.get(i - 1))),
                            "versions in order of time: " + times);
                }
                assertTrue(versionsOf(slides, (Integer) slide.get("index"), "createdBy").stream().allMatch(user::equals));
            }
            assertEquals(versionsOf(slides, 2, "title").get(0), versionsOf(slides, 2, "title").get(3),
                    "the restored version has the old content");
        }
    }

    private static void generate(LiveSocket live, JsonObject request) throws InterruptedException {
        String generation = live.send("slide_generation", request);
        live.awaitOne(replyTo("deck_complete", generation), Duration.ofSeconds(90));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> versionsOf(List<Map<String, Object>> slides, int index, String field) {
        return ((List<Map<String, Object>>) slideAt(slides, index).get("versions")).stream().map(v -> v.get(field)).toList();
    }

    private static Map<String, Object> slideAt(List<Map<String, Object>> slides, int index) {
        return slides.stream().filter(s -> ((Integer) s.get("index")) == index).findFirst().orElseThrow();
    }
}
