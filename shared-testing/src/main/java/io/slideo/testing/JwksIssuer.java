package io.slideo.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A @QuarkusTest whose service verifies tokens as against Supabase with asymmetric keys: a
 * {@link TestJwks} endpoint in the test publishes {@link #RSA} and {@link #EC}, and the service is
 * pointed at it. Without the init arg {@code hs256=kept} the service has no HS256 secret at all, as
 * in production; with it, this JVM's {@link TestTokens#secret()} stays accepted beside the keys.
 * Starts the shared infrastructure like {@link Infrastructure} does.
 */
public class JwksIssuer implements QuarkusTestResourceLifecycleManager {
    public static final String HS256 = "hs256";
    public static final String KEPT = "kept";
    public static final TestSigningKey RSA = TestSigningKey.rsa();
    public static final TestSigningKey EC = TestSigningKey.ec();

    private static volatile TestJwks jwks;
    private boolean keepSecret;

    /** The running endpoint, to rotate keys or count fetches. */
    public static TestJwks jwks() {
        return jwks;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        keepSecret = KEPT.equals(initArgs.get(HS256));
    }

    @Override
    public Map<String, String> start() {
        Infrastructure.ensureRunning();
        jwks = TestJwks.start(RSA, EC);
        Map<String, String> config = new HashMap<>();
        config.put("slideo.jwt.jwks-url", jwks.url());
        // An empty value is no value: the HS256 secret of the environment or Infrastructure is not used.
        config.put("slideo.jwt.secret", keepSecret ? TestTokens.secret() : "");
        // A rotated key is looked for at most once a second, so tests see it without waiting long.
        config.put("slideo.jwt.jwks-min-refresh-interval", "1S");
        return config;
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.close();
        }
    }
}
