package io.slideo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slideo.runtime.config.JwtConfig;
import io.slideo.testing.JwksIssuer;
import io.slideo.testing.TestSigningKey;
import io.slideo.testing.TestTokens;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * The gateway as deployed against Supabase with asymmetric keys: a JWKS URL and no HS256 secret.
 * User tokens signed RS256 or ES256 by a published key pass on REST, GraphQL and the WebSocket
 * upgrade; every other token is a 401 in the error shape.
 */
@QuarkusTest
@QuarkusTestResource(value = JwksIssuer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInUpstreams.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
class SupabaseTokensTest {
    private static final String GRAPHQL_QUERY = "{\"query\":\"{ decks { id } }\"}";

    @Inject
    Vertx vertx;
    @Inject
    JwtConfig config;
    @Inject
    MpJwtValidator validator;

    @TestHTTPResource("/")
    URL gateway;

    static Stream<TestSigningKey> publishedKeys() {
        return Stream.of(JwksIssuer.RSA, JwksIssuer.EC);
    }

    static Stream<Arguments> refusedTokens() {
        String someone = TestTokens.newUser();
        TestSigningKey unpublished = TestSigningKey.ec();
        return Stream.of(
                Arguments.of("unknown kid", TestTokens.signedBy(unpublished, someone)),
                Arguments.of("RS256 by a key not in the JWKS", TestTokens.forgedUnderKidOf(JwksIssuer.RSA, someone)),
                Arguments.of("ES256 by a key not in the JWKS", TestTokens.forgedUnderKidOf(JwksIssuer.EC, someone)),
                Arguments.of("HS256 without a secret configured", TestTokens.valid(someone)),
                Arguments.of("HS256 keyed with the public key", TestTokens.hs256WithPublicKeyAsSecret(JwksIssuer.RSA, someone)),
                Arguments.of("alg none", TestTokens.unsigned(someone)),
                Arguments.of("expired", TestTokens.signedBy(JwksIssuer.EC, someone, -600)),
                Arguments.of("valid until 2100", TestTokens.expiringIn2100(JwksIssuer.RSA, someone)),
                Arguments.of("role anon", TestTokens.withRole(JwksIssuer.EC, someone, "anon")),
                Arguments.of("anonymous sign-in", TestTokens.anonymousSignIn(JwksIssuer.EC, someone)));
    }

    @ParameterizedTest
    @MethodSource("publishedKeys")
    void acceptsTokensSignedByAPublishedKeyOnRestAndGraphql(TestSigningKey key) {
        String token = TestTokens.signedBy(key, TestTokens.newUser());
        as(token).get("/api/v1/documents").then().statusCode(200)
                .body("upstream", equalTo("document-service"))
                .body("authorization", equalTo("Bearer " + token));
        as(token).contentType(ContentType.JSON).body(GRAPHQL_QUERY).post("/graphql").then().statusCode(200)
                .body("upstream", equalTo("slide-service"));
    }

    @ParameterizedTest
    @MethodSource("publishedKeys")
    void acceptsTokensSignedByAPublishedKeyOnTheWebSocketUpgrade(TestSigningKey key) throws Exception {
        String token = TestTokens.signedBy(key, TestTokens.newUser());
        assertEquals("Bearer " + token, handshakeAuthorization(options("/ws?access_token=" + token)));
        assertEquals("Bearer " + token,
                handshakeAuthorization(options("/ws").setSubProtocols(List.of("slideo.v1", "bearer." + token))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesEveryOtherTokenWith401InTheErrorShape(String kind, String token) {
        assertTrue(config.secret().isEmpty(), "this test runs the gateway without an HS256 secret");
        for (String path : List.of("/api/v1/documents", "/graphql")) {
            as(token).header("X-Request-Id", "refused-jwks").contentType(ContentType.JSON).body(GRAPHQL_QUERY)
                    .post(path)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType(ContentType.JSON)
                    .body("code", equalTo("UNAUTHORIZED"))
                    .body("retryable", equalTo(false))
                    .body("request_id", equalTo("refused-jwks"));
        }
        assertEquals(401, rejectedStatus(options("/ws?access_token=" + token)), kind + " on the upgrade");
    }

    @Test
    void takesATokenFromTheQueryOnlyOnTheWebSocketUpgrade() throws Exception {
        String token = TestTokens.signedBy(JwksIssuer.EC, TestTokens.newUser());
        given().get("/api/v1/documents?access_token=" + token).then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body(GRAPHQL_QUERY).post("/graphql?access_token=" + token)
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("Sec-WebSocket-Protocol", "bearer." + token).get("/api/v1/documents")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        assertEquals("Bearer " + token, handshakeAuthorization(options("/ws?access_token=" + token)));
    }

    @Test
    void acceptsARotatedKeyWithoutARestart() {
        TestSigningKey rotated = TestSigningKey.ec();
        String token = TestTokens.signedBy(rotated, TestTokens.newUser());
        as(token).get("/api/v1/documents").then().statusCode(401);
        JwksIssuer.jwks().publish(JwksIssuer.RSA, JwksIssuer.EC, rotated);
        try {
            // Unknown kids refetch the JWKS at most once a second (JwksIssuer's setting).
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                    .until(() -> as(token).get("/api/v1/documents").statusCode() == 200);
        } finally {
            JwksIssuer.jwks().publish(JwksIssuer.RSA, JwksIssuer.EC);
        }
    }

    @Test
    void verifiesOffTheEventLoopBecauseAKeyMayHaveToBeFetched() {
        assertTrue(validator.isBlockingAuthentication());
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", "Bearer " + bearer);
    }

    private WebSocketConnectOptions options(String uri) {
        return new WebSocketConnectOptions().setHost(gateway.getHost()).setPort(gateway.getPort()).setURI(uri);
    }

    /** The Authorization header the stand-in websocket-service saw on the tunnelled upgrade. */
    private String handshakeAuthorization(WebSocketConnectOptions options) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            String handshake = client.connect(options)
                    .compose(ws -> {
                        Promise<String> first = Promise.promise();
                        ws.textMessageHandler(first::tryComplete);
                        return first.future().onComplete(done -> ws.close());
                    })
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new JsonObject(handshake).getString("authorization");
        } finally {
            client.close();
        }
    }

    private int rejectedStatus(WebSocketConnectOptions options) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            return assertInstanceOf(UpgradeRejectedException.class, failure.getCause()).getStatus();
        } finally {
            client.close();
        }
    }
}
