package io.slideo.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.slideo.testing.TestTokens;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Every surface refuses bad tokens, and a user never reaches another user's things. */
class SecurityIT {

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    static List<String> badTokens() {
        String user = "intruder";
        return List.of("", TestTokens.expired(user), TestTokens.signedWithAnotherSecret(user), TestTokens.unsigned(user));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void aBadTokenGets401OnRestGraphQLAndTheWebSocketUpgrade(String token) {
        var rest = RestAssured.given().baseUri(Suite.GATEWAY);
        var graphql = RestAssured.given().baseUri(Suite.GATEWAY).contentType(ContentType.JSON)
                .body("{\"query\":\"{ decks { id } }\"}");
        if (!token.isEmpty()) {
            rest.header("Authorization", "Bearer " + token);
            graphql.header("Authorization", "Bearer " + token);
        }
        rest.get("/api/v1/documents").then().statusCode(401);
        graphql.post("/graphql").then().statusCode(401);

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> LiveConnection.open(LiveConnection.options(token.isEmpty() ? "" : "?access_token=" + token)));
        assertEquals(401, ((UpgradeRejectedException) refused.getCause()).getStatus());
    }

    @Test
    void anotherUserGets404ForTheFirstUsersDocumentDeckGraphQLAndExport() throws Exception {
        String owner = TestTokens.valid(TestTokens.newUser());
        String stranger = TestTokens.valid(TestTokens.newUser());
        String documentId;
        String deckId;
        try (LiveConnection live = LiveConnection.open(owner)) {
            documentId = Suite.upload(owner, "license-apache-2.0.txt").statusCode(201).extract().path("id");
            live.awaitOne(m -> "file_processed".equals(m.getString("type"))
                    && documentId.equals(m.getJsonObject("data").getString("document_id")), Suite.EXTRACTION_TIMEOUT);
            String planning = live.send("content_planning", new JsonObject()
                    .put("document_ids", new JsonArray().add(documentId)).put("slide_count", 3));
            deckId = live.awaitOne(LiveConnection.reply("plan_response", planning), Duration.ofSeconds(60))
                    .getJsonObject("data").getString("deck_id");
        }

        Suite.as(stranger).get("/api/v1/documents/" + documentId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Suite.as(stranger).get("/api/v1/decks/" + deckId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Suite.as(stranger).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(404);
        Suite.graphql(stranger, "{ deck(id: \"" + deckId + "\") { title } }").statusCode(200)
                .body("data.deck", nullValue())
                .body("errors[0].extensions.error.code", equalTo("NOT_FOUND"));

        try (LiveConnection intruder = LiveConnection.open(stranger)) {
            String generation = intruder.send("slide_generation", new JsonObject().put("deck_id", deckId));
            JsonObject error = intruder.awaitOne(LiveConnection.reply("error_response", generation), Duration.ofSeconds(10));
            assertEquals("NOT_FOUND", error.getJsonObject("data").getString("code"));
        }
        Suite.as(owner).get("/api/v1/decks/" + deckId).then().statusCode(200);
    }
}
