package io.slideo.runtime.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.slideo.runtime.config.JwtConfig;

/**
 * What SmallRye JWT checks on every token, from {@link JwtConfig}: the keys (a JWKS URL for RS256
 * and ES256, a secret for HS256, see {@link TokenSigningKeys}), {@code iss}, {@code aud}, the
 * longest lifetime, and the Supabase role ({@link UserTokens}). Services that verify no users turn
 * SmallRye JWT off ({@code quarkus.smallrye-jwt.enabled=false}), and then none of this exists.
 */
@IfBuildProperty(name = "quarkus.smallrye-jwt.enabled", stringValue = "true", enableIfMissing = true)
public class TokenVerification {
    static final int MIN_SECRET_LENGTH = 32;

    /** A service that verifies users and has no key to do it with should not start, rather than refuse everyone. */
    void checkOnStart(@Observes StartupEvent started, TokenSigningKeys keys, JwtConfig config) {
        Log.infof("Accepting tokens signed with %s (keys: %s; issuer %s, audience %s, at most %s long)",
                keys.algorithms(), config.jwksUrl().orElse("no JWKS"), config.issuer(), config.audience(),
                config.maxLifetime());
    }

    @Produces
    @Singleton
    TokenSigningKeys signingKeys(JwtConfig config) {
        return signingKeysOf(config);
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo(JwtConfig config, TokenSigningKeys keys) {
        return contextInfoOf(config, keys);
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTCallerPrincipalFactory principals(JwtConfig config, TokenSigningKeys keys) {
        return new UserTokens(keys, config.allowAnonymous());
    }

    static TokenSigningKeys signingKeysOf(JwtConfig config) {
        Optional<SecretKey> secret = config.secret().map(TokenVerification::hmacKey);
        Optional<JwksSigningKeys> published = config.jwksUrl().map(url -> new JwksSigningKeys(url,
                config.jwksCacheDuration(), config.jwksMinRefreshInterval(), config.jwksTimeout()));
        if (secret.isEmpty() && published.isEmpty()) {
            throw new IllegalStateException("No way to verify tokens: set slideo.jwt.jwks-url (SLIDEO_JWT_JWKS_URL),"
                    + " slideo.jwt.secret (SLIDEO_JWT_SECRET), or both");
        }
        config.jwksUrl().filter(TokenVerification::exposedInTransit).ifPresent(url -> Log.warnf(
                "Signing keys come over plain HTTP from %s: whoever sits on the way can hand out keys", url));
        return new TokenSigningKeys(secret, published);
    }

    /** Plain HTTP to another host: fine for a JWKS served on this machine, not across a network. */
    static boolean exposedInTransit(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "" : uri.getHost();
        return "http".equalsIgnoreCase(uri.getScheme())
                && !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }

    static JWTAuthContextInfo contextInfoOf(JwtConfig config, TokenSigningKeys keys) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        // No verification key is set, so SmallRye's parser asks UserTokens' resolver for one per token.
        info.setSignatureAlgorithm(keys.algorithms());
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(Set.of(config.audience()));
        info.setRequiredClaims(Set.of("sub", "exp", "iat"));
        info.setMaxTimeToLiveSecs(config.maxLifetime().toSeconds());
        info.setClockSkew(config.clockSkewSeconds());
        return info;
    }

    private static SecretKey hmacKey(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("slideo.jwt.secret (SLIDEO_JWT_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
