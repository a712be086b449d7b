package io.slideo.websocket.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.slideo.testing.TestTokens;

/** Valid tokens that expire within seconds, signed like {@link TestTokens} with this JVM's secret. */
final class ShortLivedTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ShortLivedTokens() {
    }

    static String expiringIn(String user, long seconds) {
        long now = System.currentTimeMillis() / 1000;
        String claims = String.format("{\"sub\":\"%s\",\"iss\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d}",
                user, TestTokens.ISSUER, TestTokens.AUDIENCE, now - 1, now + seconds);
        String input = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestTokens.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
