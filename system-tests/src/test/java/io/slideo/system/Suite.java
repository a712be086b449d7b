package io.slideo.system;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.slideo.testing.RepositoryPaths;

/** The running suite, reached only through its gateway, as a user would. */
final class Suite {
    static final String GATEWAY = System.getenv().getOrDefault("SLIDEO_GATEWAY_URL", "http://127.0.0.1:8080");
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

    static String websocketUrl() {
        return GATEWAY.replaceFirst("^http", "ws") + "/ws";
    }
}
