package io.slideo.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.Key;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestJwks;
import io.slideo.testing.TestSigningKey;
import io.slideo.testing.TestTokens;

/** Fetching, caching and refreshing the published keys, on a clock the test moves. */
class JwksSigningKeysTest {
    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final String user = TestTokens.newUser();

    private JwksSigningKeys keysAt(TestJwks jwks) {
        return new JwksSigningKeys(jwks.url(), Duration.ofMinutes(10), MIN_REFRESH, Duration.ofSeconds(5), now::get);
    }

    @Test
    void findsARotatedKeyWithoutRestartByFetchingAgainOnItsUnknownKid() throws Exception {
        TestSigningKey first = TestSigningKey.ec();
        TestSigningKey next = TestSigningKey.ec();
        try (TestJwks jwks = TestJwks.start(first)) {
            JwksSigningKeys keys = keysAt(jwks);
            keys.keyFor(jws(TestTokens.signedBy(first, user)));
            keys.keyFor(jws(TestTokens.signedBy(first, user)));
            assertEquals(1, jwks.fetches(), "known kids come from the cache");

            jwks.publish(next);
            Key rotated = keys.keyFor(jws(TestTokens.signedBy(next, user)));
            assertEquals(2, jwks.fetches());
            assertEquals("EC", rotated.getAlgorithm());
        }
    }

    @Test
    void fetchesAtMostOncePerIntervalForUnknownKids() throws Exception {
        TestSigningKey published = TestSigningKey.rsa();
        try (TestJwks jwks = TestJwks.start(published)) {
            JwksSigningKeys keys = keysAt(jwks);
            for (int i = 0; i < 20; i++) {
                assertThrows(UnresolvableKeyException.class, () -> keys.keyFor(jws(TestTokens.signedBy(TestSigningKey.ec(), user))));
            }
            assertEquals(2, jwks.fetches(), "the first fetch, then one refresh for the first unknown kid");

            now.addAndGet(MIN_REFRESH.toMillis());
            TestSigningKey added = TestSigningKey.rsa();
            jwks.publish(published, added);
            keys.keyFor(jws(TestTokens.signedBy(added, user)));
            assertEquals(3, jwks.fetches(), "an interval later an unknown kid may fetch again");
        }
    }

    @Test
    void keepsUsingTheKeysItHasWhileTheEndpointIsDown() throws Exception {
        TestSigningKey published = TestSigningKey.rsa();
        JwksSigningKeys keys;
        try (TestJwks jwks = TestJwks.start(published)) {
            keys = keysAt(jwks);
            keys.keyFor(jws(TestTokens.signedBy(published, user)));
        }
        now.addAndGet(MIN_REFRESH.toMillis());
        assertEquals("RSA", keys.keyFor(jws(TestTokens.signedBy(published, user))).getAlgorithm());
        JwksSigningKeys stuck = keys;
        assertThrows(UnresolvableKeyException.class, () -> stuck.keyFor(jws(TestTokens.signedBy(TestSigningKey.rsa(), user))));
        assertEquals("RSA", keys.keyFor(jws(TestTokens.signedBy(published, user))).getAlgorithm(),
                "a failed refresh keeps the keys it had");
    }

    @Test
    void triesAProviderThatIsDownAgainOnlyAfterTheInterval() throws Exception {
        TestSigningKey published = TestSigningKey.ec();
        try (TestJwks jwks = TestJwks.start(published)) {
            jwks.setDown(true);
            JwksSigningKeys keys = keysAt(jwks);
            for (int i = 0; i < 10; i++) {
                assertThrows(UnresolvableKeyException.class, () -> keys.keyFor(jws(TestTokens.signedBy(published, user))));
            }
            assertEquals(2, jwks.fetches(), "one failed fetch (a request and its one retry), then refusals without asking");

            jwks.setDown(false);
            now.addAndGet(MIN_REFRESH.toMillis());
            assertEquals("EC", keys.keyFor(jws(TestTokens.signedBy(published, user))).getAlgorithm());
        }
    }

    @Test
    void refusesEveryTokenWhenNothingListensAtTheUrl() throws Exception {
        TestSigningKey published = TestSigningKey.ec();
        TestJwks stopped = TestJwks.start(published);
        stopped.close();
        JwksSigningKeys keys = keysAt(stopped);
        assertThrows(UnresolvableKeyException.class, () -> keys.keyFor(jws(TestTokens.signedBy(published, user))));
    }

    @Test
    void keepsAttackerChosenHeadersOutOfLogLinesAsTheyCame() {
        assertEquals("a?b", JwksSigningKeys.printable("a\nb"));
        assertEquals(83, JwksSigningKeys.printable("k".repeat(500)).length());
        assertEquals("(none)", JwksSigningKeys.printable(null));
    }

    private static JsonWebSignature jws(String token) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws;
    }
}
