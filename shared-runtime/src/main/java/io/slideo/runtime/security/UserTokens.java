package io.slideo.runtime.security;

import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Turns a bearer token into the caller, for SmallRye JWT: its own parser checks signature,
 * algorithm, {@code iss}, {@code aud}, {@code exp}, {@code iat} and the longest lifetime, with the
 * key {@link TokenSigningKeys} picks; then the Supabase {@code role} decides whether the caller is a
 * user here.
 */
final class UserTokens extends JWTCallerPrincipalFactory {
    static final String ROLE = "role";
    static final String IS_ANONYMOUS = "is_anonymous";
    static final String AUTHENTICATED = "authenticated";
    static final String ANONYMOUS = "anon";

    private final DefaultJWTTokenParser parser;
    private final boolean allowAnonymous;

    UserTokens(VerificationKeyResolver keys, boolean allowAnonymous) {
        this.parser = new DefaultJWTTokenParser() {
            @Override
            protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo info) {
                return keys;
            }
        };
        this.allowAnonymous = allowAnonymous;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
        JwtContext context = parser.parse(token, info);
        JwtClaims claims = context.getJwtClaims();
        Optional<String> refusal = refusalOf(claims, allowAnonymous);
        if (refusal.isPresent()) {
            throw new ParseException(refusal.get());
        }
        return new DefaultJWTCallerPrincipal(context.getJoseObjects().get(0).getHeader("typ"), claims);
    }

    /**
     * Supabase marks every token with a {@code role}: {@code authenticated} for a signed-in user,
     * {@code anon} for the public API key, {@code service_role} for the all-powerful server key. An
     * anonymous sign-in is {@code authenticated} with {@code is_anonymous: true}. Only users count
     * here (anonymous ones if allowed); a token without a role (Supabase issues none) counts as a user's.
     */
    static Optional<String> refusalOf(JwtClaims claims, boolean allowAnonymous) {
        Object role = claims.getClaimValue(ROLE);
        boolean anonymous = ANONYMOUS.equals(role) || Boolean.TRUE.equals(claims.getClaimValue(IS_ANONYMOUS));
        if (anonymous) {
            return allowAnonymous ? Optional.empty() : Optional.of("Anonymous sign-ins are not accepted");
        }
        if (role != null && !AUTHENTICATED.equals(role)) {
            return Optional.of("Tokens of role " + role + " are not accepted");
        }
        return Optional.empty();
    }
}
