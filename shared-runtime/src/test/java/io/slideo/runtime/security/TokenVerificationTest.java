package io.slideo.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.runtime.config.JwtConfig;
import io.slideo.testing.TestJwks;
import io.slideo.testing.TestSigningKey;
import io.slideo.testing.TestTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** The token checks every service runs, against a JWKS endpoint in the test, without Quarkus. */
class TokenVerificationTest {
    private static final TestSigningKey RSA = TestSigningKey.rsa();
    private static final TestSigningKey EC = TestSigningKey.ec();
    private static TestJwks jwks;

    private final String user = TestTokens.newUser();

    /** The configuration as a service reads it; unset keys take JwtConfig's documented defaults. */
    record Settings(Optional<String> secret, Optional<String> jwksUrl, boolean allowAnonymous, Duration maxLifetime)
            implements JwtConfig {
        static Settings jwksOnly() {
            return new Settings(Optional.empty(), Optional.of(jwks.url()), false, Duration.ofHours(24));
        }

        Settings withSecret() {
            return new Settings(Optional.of(TestTokens.secret()), jwksUrl, allowAnonymous, maxLifetime);
        }

        public String issuer() {
            return TestTokens.ISSUER;
        }

        public String audience() {
            return TestTokens.AUDIENCE;
        }

        public int clockSkewSeconds() {
            return 0;
        }

        public Duration jwksCacheDuration() {
            return Duration.ofMinutes(10);
        }

        public Duration jwksMinRefreshInterval() {
            return Duration.ZERO;
        }

        public Duration jwksTimeout() {
            return Duration.ofSeconds(5);
        }
    }

    /** What SmallRye JWT does with a bearer token in a service configured so. */
    static final class Verifier {
        private final UserTokens tokens;
        private final JWTAuthContextInfo info;

        Verifier(JwtConfig config) {
            TokenSigningKeys keys = TokenVerification.signingKeysOf(config);
            this.tokens = new UserTokens(keys, config.allowAnonymous());
            this.info = TokenVerification.contextInfoOf(config, keys);
        }

        JsonWebToken accept(String token) throws ParseException {
            return tokens.parse(token, info);
        }

        void refuse(String token, String why) {
            assertThrows(ParseException.class, () -> tokens.parse(token, info), why);
        }
    }

    @BeforeAll
    static void publishKeys() {
        jwks = TestJwks.start(RSA, EC);
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    @Test
    void acceptsRs256AndEs256TokensSignedByPublishedKeys() throws ParseException {
        Verifier verifier = new Verifier(Settings.jwksOnly());
        assertEquals(user, verifier.accept(TestTokens.signedBy(RSA, user)).getSubject());
        assertEquals(user, verifier.accept(TestTokens.signedBy(EC, user)).getSubject());
    }

    @Test
    void refusesEveryHs256TokenWhenOnlyAJwksIsConfigured() {
        Verifier verifier = new Verifier(Settings.jwksOnly());
        assertEquals(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256),
                TokenVerification.signingKeysOf(Settings.jwksOnly()).algorithms());
        verifier.refuse(TestTokens.valid(user), "HS256 with a secret the service does not hold");
        verifier.refuse(TestTokens.hs256WithPublicKeyAsSecret(RSA, user), "HS256 keyed with the RSA public key");
        verifier.refuse(TestTokens.unsigned(user), "alg none");
    }

    @Test
    void acceptsDevelopmentHs256TokensBesideTheJwksWhenASecretIsSet() throws ParseException {
        Verifier verifier = new Verifier(Settings.jwksOnly().withSecret());
        assertEquals(user, verifier.accept(TestTokens.valid(user)).getSubject());
        assertEquals(user, verifier.accept(TestTokens.signedBy(EC, user)).getSubject());
        verifier.refuse(TestTokens.hs256WithPublicKeyAsSecret(RSA, user), "HS256 keyed with the RSA public key");
        verifier.refuse(TestTokens.hs256WithPublicKeyAsSecret(EC, user), "HS256 keyed with the EC public key");
        verifier.refuse(TestTokens.signedWithAnotherSecret(user), "another secret");
    }

    @Test
    void refusesATokenSignedByAKeyThatIsNotPublished() {
        Verifier verifier = new Verifier(Settings.jwksOnly());
        TestSigningKey stranger = TestSigningKey.rsa();
        verifier.refuse(TestTokens.signedBy(stranger, user), "unknown kid");
        verifier.refuse(TestTokens.forgedUnderKidOf(RSA, user), "a published RSA kid, another RSA key's signature");
        verifier.refuse(TestTokens.forgedUnderKidOf(EC, user), "a published EC kid, another EC key's signature");
    }

    @Test
    void refusesAnAlgorithmThatDoesNotFitThePublishedKey() {
        Verifier verifier = new Verifier(Settings.jwksOnly());
        // An EC signature presented as RS256 under the RSA key's kid, and the other way round.
        verifier.refuse(headed("RS256", RSA.kid(), TestTokens.signedBy(EC, user)), "ES256 signature claiming RS256");
        verifier.refuse(headed("ES256", EC.kid(), TestTokens.signedBy(RSA, user)), "RS256 signature claiming ES256");
    }

    @Test
    void refusesExpiredAndOverLongTokens() throws ParseException {
        Verifier verifier = new Verifier(Settings.jwksOnly());
        verifier.refuse(TestTokens.signedBy(RSA, user, -600), "expired");
        verifier.refuse(TestTokens.expiringIn2100(EC, user), "valid until 2100");
        verifier.refuse(TestTokens.signedBy(RSA, user, Duration.ofHours(25).toSeconds()), "25 hours long");
        assertEquals(user, verifier.accept(TestTokens.signedBy(RSA, user, Duration.ofHours(23).toSeconds())).getSubject());
    }

    @Test
    void honoursSupabaseRolesAndAnonymousSignInsOnlyWhenAllowed() throws ParseException {
        Verifier strict = new Verifier(Settings.jwksOnly());
        strict.refuse(TestTokens.withRole(EC, user, "anon"), "role anon");
        strict.refuse(TestTokens.anonymousSignIn(EC, user), "is_anonymous");
        strict.refuse(TestTokens.withRole(EC, user, "service_role"), "service_role");
        assertEquals(user, strict.accept(TestTokens.withRole(EC, user, "authenticated")).getSubject());

        Settings jwks = Settings.jwksOnly();
        Verifier lenient = new Verifier(new Settings(jwks.secret(), jwks.jwksUrl(), true, jwks.maxLifetime()));
        assertEquals(user, lenient.accept(TestTokens.anonymousSignIn(EC, user)).getSubject());
        assertEquals(user, lenient.accept(TestTokens.withRole(RSA, user, "anon")).getSubject());
        lenient.refuse(TestTokens.withRole(EC, user, "service_role"), "service_role, anonymous allowed");
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        Verifier verifier = new Verifier(Settings.jwksOnly().withSecret());
        verifier.refuse(TestTokens.withIssuer(user, "https://elsewhere.supabase.co/auth/v1"), "issuer");
        verifier.refuse(TestTokens.withAudience(user, "someone-else"), "audience");
    }

    @Test
    void refusesToStartWithoutAKeySourceOrWithAShortSecret() {
        Settings none = new Settings(Optional.empty(), Optional.empty(), false, Duration.ofHours(24));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> TokenVerification.signingKeysOf(none));
        assertTrue(missing.getMessage().contains("SLIDEO_JWT_JWKS_URL"), missing.getMessage());
        Settings shortSecret = new Settings(Optional.of("too-short"), Optional.empty(), false, Duration.ofHours(24));
        assertThrows(IllegalStateException.class, () -> TokenVerification.signingKeysOf(shortSecret));
    }

    @Test
    void countsOnlyPlainHttpToAnotherHostAsExposedInTransit() {
        assertTrue(TokenVerification.exposedInTransit("http://auth.example.com/.well-known/jwks.json"));
        assertFalse(TokenVerification.exposedInTransit("https://abc.supabase.co/auth/v1/.well-known/jwks.json"));
        assertFalse(TokenVerification.exposedInTransit(jwks.url()));
        assertFalse(TokenVerification.exposedInTransit("http://localhost:54321/auth/v1/.well-known/jwks.json"));
    }

    /** The token with its header replaced (alg and kid), its payload and signature kept. */
    private static String headed(String alg, String kid, String token) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String[] parts = token.split("\\.");
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }
}
