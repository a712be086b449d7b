package io.slideo.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.slideo.testing.TestTokens;
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
    void aBadTokenGets401OnRestGraphQLAndTheWebSocketUpgrade(String token) throws Exception {
        var rest = RestAssured.given().baseUri(Suite.GATEWAY);
        var graphql = RestAssured.given().baseUri(Suite.GATEWAY).contentType(ContentType.JSON)
                .body("{\"query\":\"{ decks { id } }\"}");
        if (!token.isEmpty()) {
            rest.header("Authorization", "Bearer " + token);
            graphql.header("Authorization", "Bearer " + token);
        }
        rest.get("/api/v1/documents").then().statusCode(401);
        graphql.post("/graphql").then().statusCode(401);

        assertEquals(401, LiveSocket.refusal(token.isEmpty() ? "" : "?access_token=" + token).getStatus());
    }

    @Test
    void anotherUserGets404ForTheFirstUsersDocumentDeckGraphQLAndExport() throws Exception {
        String owner = TestTokens.valid(TestTokens.newUser());
        String stranger = TestTokens.valid(TestTokens.newUser());
        Suite.PlannedDeck planned;
        try (LiveSocket live = LiveSocket.open(owner)) {
            planned = Suite.deckFrom(owner, live, "license-apache-2.0.txt", 3);
        }
        String documentId = planned.documentId();
        String deckId = planned.deckId();

        Suite.as(stranger).get("/api/v1/documents/" + documentId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Suite.as(stranger).get("/api/v1/decks/" + deckId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Suite.as(stranger).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(404);
        Suite.graphql(stranger, "{ deck(id: \"" + deckId + "\") { title } }").statusCode(200)
                .body("data.deck", nullValue())
                .body("errors[0].extensions.error.code", equalTo("NOT_FOUND"));

        try (LiveSocket intruder = LiveSocket.open(stranger)) {
            String generation = intruder.send("slide_generation", new JsonObject().put("deck_id", deckId));
            JsonObject error = intruder.awaitOne(LiveSocket.replyTo("error_response", generation), Duration.ofSeconds(10));
            assertEquals("NOT_FOUND", error.getJsonObject("data").getString("code"));
        }
        Suite.as(owner).get("/api/v1/decks/" + deckId).then().statusCode(200);
    }
}
