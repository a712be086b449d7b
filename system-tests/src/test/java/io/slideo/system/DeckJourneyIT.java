package io.slideo.system;

import static io.slideo.system.LiveSocket.fileProcessed;
import static io.slideo.system.LiveSocket.replyTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;
import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The main job end to end, through the gateway: upload, watch extraction, plan, watch the slides
 * arrive, read the deck's history over GraphQL, export it as HTML.
 */
class DeckJourneyIT {
    private static final int SLIDES = 5;
    private static final Set<String> STRUCTURAL_TITLES = Set.of("Overview", "Agenda", "Key takeaways");

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @ParameterizedTest
    @ValueSource(strings = { "paper-tracemonkey.pdf", "article-heading-levels.docx" })
    void aDocumentBecomesADeckTheUserWatchesArrive(String corpusFile) throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        try (LiveSocket live = LiveSocket.open(token)) {
            String documentId = Suite.upload(token, corpusFile).statusCode(201).extract().path("id");
            JsonObject processed = live.awaitOne(fileProcessed(documentId), Suite.EXTRACTION_TIMEOUT);
            assertEquals("extracted", processed.getJsonObject("data").getString("status"), processed.encode());

            String planning = live.send("content_planning", new JsonObject()
                    .put("document_ids", new JsonArray().add(documentId))
                    .put("description", "A short briefing on this document")
                    .put("slide_count", SLIDES));
            live.awaitOne(replyTo("ack", planning), Duration.ofSeconds(10));
            JsonObject plan = live.awaitOne(replyTo("plan_response", planning), Duration.ofSeconds(60)).getJsonObject("data");
            String deckId = plan.getString("deck_id");
            assertEquals(SLIDES, plan.getJsonArray("slides").size(), plan.encode());

            String generation = live.send("slide_generation", new JsonObject().put("deck_id", deckId));
            live.awaitOne(replyTo("ack", generation), Duration.ofSeconds(10));
            live.awaitOne(replyTo("deck_complete", generation), Duration.ofSeconds(90));
            List<JsonObject> slides = live.await(replyTo("slide_complete", generation), SLIDES, Duration.ofSeconds(5));
            assertEquals(SLIDES, slides.size(), "one slide_complete per slide");
            assertEquals(SLIDES, slides.stream().map(s -> s.getJsonObject("data").getInteger("slide_index"))
                    .collect(Collectors.toSet()).size(), "each slide once");
            assertFalse(live.await(m -> "progress_update".equals(m.getString("type")), 1, Duration.ZERO).isEmpty(),
                    "progress was reported");

            JsonPath deck = Suite.graphql(token, "{ deck(id: \"" + deckId + "\") { title status slides { index title "
                    + "currentVersion versions { version reason createdAt bullets { text page } } } } }")
                    .statusCode(200).body("errors", nullValue()).body("data.deck.status", equalTo("complete"))
                    .extract().jsonPath();
            List<String> titles = deck.getList("data.deck.slides.title");
            assertEquals(SLIDES, titles.size());
            assertTrue(deck.getList("data.deck.slides.versions").stream().allMatch(v -> !((List<?>) v).isEmpty()),
                    "every slide has a version");

            String html = Suite.as(token).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(200)
                    .extract().asString();
            String documentText = Suite.as(token).get("/api/v1/documents/" + documentId + "/structure").then()
                    .statusCode(200).extract().asString().toLowerCase(Locale.ROOT);
            int fromTheDocument = 0;
            for (String title : titles.subList(1, titles.size())) {
                assertTrue(html.contains(escape(title)), "the export shows slide title '" + title + "'");
                // The planner's own slides (agenda, takeaways) carry its words; every other title is a
                // heading or, where the text has none, the lead clause of the slide's own text: the
                // document's own words, never a numbered continuation.
                if (!STRUCTURAL_TITLES.contains(title)) {
                    assertFalse(title.matches(".*\\((continued|\\d+)\\)$"), "a continuation title: " + title);
                    for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                        assertTrue(word.isEmpty() || documentText.contains(escapeJson(word)),
                                "slide title '" + title + "' comes from the document's text");
                    }
                    fromTheDocument++;
                }
            }
            assertTrue(fromTheDocument >= SLIDES - 3, titles + " are mostly the document's own headings");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String escapeJson(String text) {
        return new JsonArray().add(text).encode().replaceAll("^\\[\"|\"]$", "");
    }

}
