package io.slideo.websocket.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.JwksIssuer;
import io.slideo.testing.TestSigningKey;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The live channel verifying Supabase's asymmetric tokens against a JWKS, with the development
 * HS256 secret still set beside it (as ./slideo runs against a Supabase project).
 */
@QuarkusTest
@QuarkusTestResource(value = JwksIssuer.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = JwksIssuer.HS256, value = JwksIssuer.KEPT))
class SupabaseTokensTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;

    static Stream<TestSigningKey> publishedKeys() {
        return Stream.of(JwksIssuer.RSA, JwksIssuer.EC);
    }

    static Stream<Arguments> refusedTokens() {
        String someone = TestTokens.newUser();
        return Stream.of(
                Arguments.of("unknown kid", TestTokens.signedBy(TestSigningKey.rsa(), someone)),
                Arguments.of("RS256 by a key not in the JWKS", TestTokens.forgedUnderKidOf(JwksIssuer.RSA, someone)),
                Arguments.of("ES256 by a key not in the JWKS", TestTokens.forgedUnderKidOf(JwksIssuer.EC, someone)),
                Arguments.of("HS256 keyed with the public key", TestTokens.hs256WithPublicKeyAsSecret(JwksIssuer.EC, someone)),
                Arguments.of("alg none", TestTokens.unsigned(someone)),
                Arguments.of("expired", TestTokens.signedBy(JwksIssuer.RSA, someone, -600)),
                Arguments.of("valid until 2100", TestTokens.expiringIn2100(JwksIssuer.EC, someone)),
                Arguments.of("role anon", TestTokens.withRole(JwksIssuer.RSA, someone, "anon")),
                Arguments.of("anonymous sign-in", TestTokens.anonymousSignIn(JwksIssuer.RSA, someone)));
    }

    @ParameterizedTest
    @MethodSource("publishedKeys")
    void opensTheChannelForATokenSignedByAPublishedKey(TestSigningKey key) {
        String token = TestTokens.signedBy(key, TestTokens.newUser());
        try (LiveClient byQuery = LiveClient.withQueryToken(vertx, base, token);
                LiveClient bySubprotocol = LiveClient.withSubprotocolToken(vertx, base, token)) {
            byQuery.expectAck(byQuery.send("ping", LiveClient.data()), "ping");
            bySubprotocol.expectAck(bySubprotocol.send("ping", LiveClient.data()), "ping");
        }
    }

    @Test
    void stillOpensTheChannelForADevelopmentTokenSignedWithTheSecret() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(TestTokens.newUser()))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesTheUpgradeForEveryOtherToken(String kind, String token) {
        assertEquals(401, LiveClient.refusal(vertx, LiveClient.options(base, "/ws?access_token=" + token)), kind);
        WebSocketConnectOptions bySubprotocol = LiveClient.options(base, "/ws")
                .setSubProtocols(List.of("slideo.v1", "bearer." + token));
        assertEquals(401, LiveClient.refusal(vertx, bySubprotocol), kind + " as a subprotocol");
    }

    @Test
    void takesATokenFromTheQueryOnlyOnAnUpgrade() {
        String token = TestTokens.signedBy(JwksIssuer.EC, TestTokens.newUser());
        // Not an upgrade: the query token is not read, so the request has no token at all.
        given().get("/ws?access_token=" + token).then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/ws").then().statusCode(400);
    }

    @Test
    void opensTheChannelForARotatedKeyWithoutARestart() {
        TestSigningKey rotated = TestSigningKey.rsa();
        String token = TestTokens.signedBy(rotated, TestTokens.newUser());
        assertEquals(401, LiveClient.refusal(vertx, LiveClient.options(base, "/ws?access_token=" + token)));
        JwksIssuer.jwks().publish(JwksIssuer.RSA, JwksIssuer.EC, rotated);
        try {
            // Unknown kids refetch the JWKS at most once a second (JwksIssuer's setting).
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .untilAsserted(() -> {
                        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
                            client.expectAck(client.send("ping", LiveClient.data()), "ping");
                        }
                    });
        } finally {
            JwksIssuer.jwks().publish(JwksIssuer.RSA, JwksIssuer.EC);
        }
    }
}
