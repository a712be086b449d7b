package io.slideo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = UnreachableUpstreams.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
class UnreachableUpstreamsTest {
    private final String token = TestTokens.valid(TestTokens.newUser());

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void everyRouteAnswers503UnavailableInTheErrorShape() {
        for (String path : List.of("/api/v1/documents", "/api/v1/themes", "/api/v1/plans", "/api/v1/decks/d1",
                "/graphql")) {
            given().header("Authorization", "Bearer " + token).header("X-Request-Id", "down-1")
                    .get(path)
                    .then().statusCode(503)
                    .contentType(ContentType.JSON)
                    .body("code", equalTo("UNAVAILABLE"))
                    .body("retryable", equalTo(true))
                    .body("request_id", equalTo("down-1"));
        }
    }

    @Test
    void aWebSocketUpgradeWithEveryInstanceDownIsRefusedWith503InTheErrorShape() {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(gateway.getHost())
                    .setPort(gateway.getPort()).setURI("/ws?access_token=" + token);
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            UpgradeRejectedException refused = assertInstanceOf(UpgradeRejectedException.class, failure.getCause());
            assertEquals(503, refused.getStatus());
            JsonObject body = refused.getBody().toJsonObject();
            assertEquals("UNAVAILABLE", body.getString("code"));
            assertEquals(true, body.getBoolean("retryable"));
        } finally {
            client.close();
        }
    }
}
