package io.slideo.runtime.security;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.slideo.runtime.config.JwtConfig;

/**
 * What SmallRye JWT checks on every token. Supabase signs with the raw bytes of the project
 * secret, which SmallRye's own properties only take as a JWK, so the key is built here. The
 * algorithm is pinned to HS256: {@code alg: none} or an asymmetric algorithm is refused.
 */
public class TokenVerification {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo(JwtConfig config) {
        if (config.secret().length() < 32) {
            throw new IllegalStateException("slideo.jwt.secret (SLIDEO_JWT_SECRET) must have at least 32 characters");
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setSecretVerificationKey(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(Set.of(config.audience()));
        info.setRequiredClaims(Set.of("sub", "exp"));
        info.setClockSkew(config.clockSkewSeconds());
        return info;
    }
}
