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
 * Supabase-shaped tokens for tests, good and bad. In a @QuarkusTest the secret is this JVM's own;
 * against a running suite it is the suite's ({@code SLIDEO_JWT_SECRET} or {@code .slideo/jwt-secret}).
 */
public final class TestTokens {
    public static final String ISSUER = "slideo-dev";
    public static final String AUDIENCE = "authenticated";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
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

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    private static String claims(String user, String issuer, String audience, long ttlSeconds) {
        long now = System.currentTimeMillis() / 1000;
        long issuedAt = Math.min(now, now + ttlSeconds - 60);
        return String.format("{\"sub\":\"%s\",\"iss\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d,\"role\":\"authenticated\"}",
                user, issuer, audience, issuedAt, now + ttlSeconds);
    }

    private static String sign(String alg, String claims, String key) {
        String header = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
