package io.slideo.system;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.slideo.testing.RepositoryPaths;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The running suite, reached only through its gateway, as a user would. */
final class Suite {
    static final String GATEWAY = System.getenv().getOrDefault("SLIDEO_GATEWAY_URL",
            "http://127.0.0.1:" + Services.GATEWAY_PORT);
    static final Duration EXTRACTION_TIMEOUT = Duration.ofSeconds(180);

    private Suite() {
    }

    static RequestSpecification as(String token) {
        return given().baseUri(GATEWAY).header("Authorization", "Bearer " + token);
    }

    static ValidatableResponse upload(String token, String corpusFile) {
        File file = RepositoryPaths.corpusFile(corpusFile).toFile();
        return as(token).multiPart("file", file).post("/api/v1/documents").then();
    }

    static ValidatableResponse graphql(String token, String query) {
        return as(token).contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then();
    }

    /** A deck planned from one uploaded document, as plan_response announced it. */
    record PlannedDeck(String documentId, String deckId) {
    }

    /** Uploads a corpus file, waits on the socket until it is read, asks for a plan of it and waits for the deck. */
    static PlannedDeck deckFrom(String token, LiveSocket live, String corpusFile, int slides) throws InterruptedException {
        String documentId = upload(token, corpusFile).statusCode(201).extract().path("id");
        live.awaitOne(LiveSocket.fileProcessed(documentId), EXTRACTION_TIMEOUT);
        String planning = live.send("content_planning", new JsonObject()
                .put("document_ids", new JsonArray().add(documentId)).put("slide_count", slides));
        String deckId = live.awaitOne(LiveSocket.replyTo("plan_response", planning), Duration.ofSeconds(60))
                .getJsonObject("data").getString("deck_id");
        return new PlannedDeck(documentId, deckId);
    }

    static String websocketUrl() {
        return GATEWAY.replaceFirst("^http", "ws") + "/ws";
    }
}
