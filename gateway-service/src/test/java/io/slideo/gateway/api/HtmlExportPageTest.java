package io.slideo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;

/** "Open the HTML export": the export is its own page, with a policy that lets its inline styles apply. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInUpstreams.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
class HtmlExportPageTest {
    private static final String CSP = "Content-Security-Policy";
    private final String token = TestTokens.valid(TestTokens.newUser());

    @Test
    void thePostedExportIsShownUnderAPolicyThatAllowsItsInlineStylesAndNothingElse() {
        String deckId = UUID.randomUUID().toString();
        given().contentType(ContentType.URLENC).header("X-Request-Id", "req-export-1")
                .formParam("access_token", token).formParam("deck_id", deckId)
                .post("/exports/html").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Disposition", nullValue())
                .header(CSP, equalTo("default-src 'none'; style-src 'unsafe-inline'; font-src data:; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<style>h1 { color: #2f6fde; }</style>"))
                // slide-service was asked for the HTML export of that deck, with the token as a header.
                .body(containsString("\"path\":\"/api/v1/decks/" + deckId + "/export\""))
                .body(containsString("\"query\":\"format=html\""))
                .body(containsString("\"authorization\":\"Bearer " + token + "\""))
                .body(containsString("\"requestId\":\"req-export-1\""));
    }

    @Test
    void theAppsOwnPagesAndItsApiKeepStylesToTheirOwnFiles() {
        for (String page : new String[] { "/", "/app.js", "/app.css" }) {
            given().get(page).then().statusCode(200)
                    .header(CSP, containsString("style-src 'self';"))
                    .header(CSP, containsString("script-src 'self';"))
                    .header(CSP, not(containsString("unsafe-inline")));
        }
        // The export fetched through the API (downloads) keeps the app's policy too.
        given().header("Authorization", "Bearer " + token).get("/api/v1/decks/" + UUID.randomUUID() + "/export?format=html")
                .then().statusCode(200)
                .header(CSP, containsString("style-src 'self';"))
                .header(CSP, not(containsString("unsafe-inline")));
    }

    @Test
    void aFormWithoutAValidTokenOrDeckIsRefusedBeforeSlideServiceIsAsked() {
        given().contentType(ContentType.URLENC).formParam("access_token", TestTokens.expired(TestTokens.newUser()))
                .formParam("deck_id", UUID.randomUUID().toString()).post("/exports/html").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"))
                .body("request_id", not(nullValue()));
        given().contentType(ContentType.URLENC).formParam("deck_id", UUID.randomUUID().toString())
                .post("/exports/html").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.URLENC).formParam("access_token", token).formParam("deck_id", "../documents/x")
                .post("/exports/html").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
