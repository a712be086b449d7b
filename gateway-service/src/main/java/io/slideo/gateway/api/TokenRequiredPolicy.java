package io.slideo.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The built-in {@code authenticated} policy answers a request without a token with an empty 401
 * that no handler can touch; failing with {@link AuthenticationFailedException} instead routes it
 * through {@link EdgeRoutes}' failure handler, which answers in the ApiError shape.
 * Used by {@code quarkus.http.auth.permission.authenticated.policy}.
 */
@ApplicationScoped
public class TokenRequiredPolicy implements HttpSecurityPolicy {
    public static final String NAME = "token-required";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        return identity.onItem().transformToUni(user -> user == null || user.isAnonymous()
                ? Uni.createFrom().failure(new AuthenticationFailedException("A valid bearer token is required"))
                : Uni.createFrom().item(CheckResult.PERMIT));
    }

    @Override
    public String name() {
        return NAME;
    }
}
