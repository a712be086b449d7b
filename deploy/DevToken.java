import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints a development JWT shaped like a Supabase access token (HS256, sub, aud, iss, exp, role).
 * Run as a single-file program by ./slideo token: java DevToken.java user secret issuer audience ttl
 */
public class DevToken {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java DevToken.java <user> <secret> <issuer> <audience> <ttl-seconds>");
            System.exit(2);
        }
        String user = args[0];
        long now = System.currentTimeMillis() / 1000;
        long exp = now + Long.parseLong(args[4]);
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String claims = String.format(
                "{\"sub\":\"%s\",\"aud\":\"%s\",\"iss\":\"%s\",\"iat\":%d,\"exp\":%d,\"role\":\"authenticated\",\"jti\":\"%s\"}",
                json(user), json(args[3]), json(args[2]), now, exp, UUID.randomUUID());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(args[1].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        System.out.println(signingInput + "." + signature);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
