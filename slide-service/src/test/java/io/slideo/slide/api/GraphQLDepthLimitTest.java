package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;

/**
 * The depth limit. No type of the schema nests itself, so no query can pass the real limit (6, one
 * over the deepest path); a lower limit shows that a deeper query is refused and what it is told.
 */
@QuarkusTest
@TestProfile(GraphQLDepthLimitTest.ShallowQueries.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class GraphQLDepthLimitTest {
    private final String user = TestTokens.newUser();

    public static class ShallowQueries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.instrumentation-query-depth", "3");
        }
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedNamingTheLimit() {
        query("{ decks { slides { versions { version } } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.error.code", equalTo("TOO_LARGE"))
                .body("errors[0].extensions.error.message", equalTo("The query's depth is 4; the maximum query depth is 3"))
                .body("errors[0].extensions.error.request_id", equalTo("req-deep"));
        query("{ decks { slides { index } } }").body("errors", nullValue());
    }

    private io.restassured.response.ValidatableResponse query(String query) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user)).header("X-Request-Id", "req-deep")
                .contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then()
                .log().ifValidationFails().statusCode(200);
    }
}
