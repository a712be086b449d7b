package io.slideo.runtime.security;

import java.security.Key;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;

/**
 * Which key verifies a token, by its {@code alg}: HS256 only ever with the configured secret, RS256
 * and ES256 only with the published JWKS. Keeping the two apart is what stops the old confusion
 * attack (an HS256 token "signed" with a public key as the HMAC secret), and an algorithm whose
 * source is not configured has no key at all; the allowed list also goes to the JWS checks.
 */
final class TokenSigningKeys implements VerificationKeyResolver {
    private final Optional<SecretKey> secret;
    private final Optional<JwksSigningKeys> published;

    TokenSigningKeys(Optional<SecretKey> secret, Optional<JwksSigningKeys> published) {
        if (secret.isEmpty() && published.isEmpty()) {
            throw new IllegalArgumentException("Tokens need a secret or a JWKS URL to be verified with");
        }
        this.secret = secret;
        this.published = published;
    }

    /** The algorithms a token may be signed with: those whose key source is configured. */
    Set<SignatureAlgorithm> algorithms() {
        Set<SignatureAlgorithm> algorithms = EnumSet.noneOf(SignatureAlgorithm.class);
        secret.ifPresent(key -> algorithms.add(SignatureAlgorithm.HS256));
        published.ifPresent(keys -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)));
        return algorithms;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String alg = jws.getAlgorithmHeaderValue();
        if (AlgorithmIdentifiers.HMAC_SHA256.equals(alg) && secret.isPresent()) {
            return secret.get();
        }
        boolean asymmetric = AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)
                || AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(alg);
        if (asymmetric && published.isPresent()) {
            return published.get().keyFor(jws);
        }
        throw new UnresolvableKeyException("Tokens signed with " + alg + " are not accepted here");
    }
}
