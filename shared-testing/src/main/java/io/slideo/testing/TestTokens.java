package io.slideo.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Supabase-shaped tokens for tests, good and bad. HS256 ones use a secret: in a @QuarkusTest this
 * JVM's own; against a running suite the suite's ({@code SLIDEO_JWT_SECRET} or {@code .slideo/jwt-secret}).
 * RS256 and ES256 ones are signed by a {@link TestSigningKey} that a {@link TestJwks} publishes.
 */
public final class TestTokens {
    public static final String ISSUER = "slideo-dev";
    public static final String AUDIENCE = "authenticated";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** 2100-01-01T00:00:00Z in seconds. */
    private static final long YEAR_2100 = 4_102_444_800L;
    private static volatile String secret;

    private TestTokens() {
    }

    public static String secret() {
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = B64.encodeToString(random);
        }
        return secret;
    }

    /** Use the running suite's secret (system tests). */
    public static void useSuiteSecret() {
        String fromEnv = System.getenv("SLIDEO_JWT_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            secret = fromEnv;
            return;
        }
        Path file = RepositoryPaths.root().resolve(".slideo/jwt-secret");
        try {
            secret = Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("No SLIDEO_JWT_SECRET and no " + file + "; is the suite up?", e);
        }
    }

    public static String valid(String user) {
        return sign("HS256", claims(user, ISSUER, AUDIENCE, 3600), secret());
    }

    public static String expired(String user) {
        return sign("HS256", claims(user, ISSUER, AUDIENCE, -600), secret());
    }

    public static String signedWithAnotherSecret(String user) {
        return sign("HS256", claims(user, ISSUER, AUDIENCE, 3600), "not-the-project-secret-" + UUID.randomUUID());
    }

    public static String withIssuer(String user, String issuer) {
        return sign("HS256", claims(user, issuer, AUDIENCE, 3600), secret());
    }

    public static String withAudience(String user, String audience) {
        return sign("HS256", claims(user, ISSUER, audience, 3600), secret());
    }

    /** An unsigned token claiming {@code alg: none}: must never be accepted. */
    public static String unsigned(String user) {
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(claims(user, ISSUER, AUDIENCE, 3600).getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    /** A signed-in user's token from the identity provider that holds {@code key}, valid for an hour. */
    public static String signedBy(TestSigningKey key, String user) {
        return signedBy(key, user, 3600);
    }

    /** As {@link #signedBy(TestSigningKey, String)}, expiring {@code ttlSeconds} from now (negative: expired). */
    public static String signedBy(TestSigningKey key, String user, long ttlSeconds) {
        return key.sign(claims(user, ISSUER, AUDIENCE, ttlSeconds));
    }

    /** Headed with the published key's alg and kid, but signed by another key of the same type. */
    public static String forgedUnderKidOf(TestSigningKey published, String user) {
        TestSigningKey forger = published.alg().equals("RS256") ? TestSigningKey.rsa() : TestSigningKey.ec();
        return forger.signClaimingKid(published.kid(), claims(user, ISSUER, AUDIENCE, 3600));
    }

    /** Issued now, expiring on 1 January 2100: a lifetime no identity provider should hand out. */
    public static String expiringIn2100(TestSigningKey key, String user) {
        long now = System.currentTimeMillis() / 1000;
        return key.sign(claims(user, ISSUER, AUDIENCE, now, YEAR_2100, "\"role\":\"authenticated\""));
    }

    /** With Supabase's {@code role} claim set to {@code role} ({@code anon}, {@code service_role}, ...). */
    public static String withRole(TestSigningKey key, String user, String role) {
        long now = System.currentTimeMillis() / 1000;
        return key.sign(claims(user, ISSUER, AUDIENCE, now, now + 3600, "\"role\":\"" + role + "\""));
    }

    /** What a Supabase anonymous sign-in gets: role {@code authenticated}, but {@code is_anonymous: true}. */
    public static String anonymousSignIn(TestSigningKey key, String user) {
        long now = System.currentTimeMillis() / 1000;
        return key.sign(claims(user, ISSUER, AUDIENCE, now, now + 3600,
                "\"role\":\"authenticated\",\"is_anonymous\":true"));
    }

    /**
     * The algorithm-confusion forgery: {@code alg: HS256} and the key's kid, "signed" with its public
     * key as the HMAC secret, for a verifier that would hand any key it finds to any algorithm.
     */
    public static String hs256WithPublicKeyAsSecret(TestSigningKey key, String user) {
        String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String input = header + "." + B64.encodeToString(claims(user, ISSUER, AUDIENCE, 3600).getBytes(StandardCharsets.UTF_8));
        return input + "." + hmac(input, key.publicKeyBytes());
    }

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    private static String claims(String user, String issuer, String audience, long ttlSeconds) {
        long now = System.currentTimeMillis() / 1000;
        long issuedAt = Math.min(now, now + ttlSeconds - 60);
        return claims(user, issuer, audience, issuedAt, now + ttlSeconds, "\"role\":\"authenticated\"");
    }

    private static String claims(String user, String issuer, String audience, long issuedAt, long expiresAt,
            String moreClaims) {
        return String.format("{\"sub\":\"%s\",\"iss\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d,%s}",
                user, issuer, audience, issuedAt, expiresAt, moreClaims);
    }

    private static String sign(String alg, String claims, String key) {
        String header = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return input + "." + hmac(input, key.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String input, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
