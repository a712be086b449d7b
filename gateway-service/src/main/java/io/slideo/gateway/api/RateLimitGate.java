package io.slideo.gateway.api;

import java.security.Principal;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.slideo.gateway.config.GatewayConfig;
import io.slideo.gateway.service.RateLimiter;
import io.slideo.model.error.ErrorCode;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts every proxied request (a WebSocket counts once, at its upgrade) against its user and
 * its client address, after authentication so the user is the token's verified subject.
 */
@Singleton
public class RateLimitGate implements Handler<RoutingContext> {
    private final RateLimiter limiter;
    private final ErrorReplies errors;
    private final boolean enabled;

    RateLimitGate(RateLimiter limiter, ErrorReplies errors, GatewayConfig config) {
        this.limiter = limiter;
        this.errors = errors;
        this.enabled = config.rateLimit().enabled();
    }

    @Override
    public void handle(RoutingContext rc) {
        if (!enabled) {
            rc.next();
            return;
        }
        SocketAddress remote = rc.request().remoteAddress();
        Context context = Vertx.currentContext();
        limiter.count(subjectOf(rc), remote == null ? null : remote.host()).subscribe().with(verdict -> {
            // Back to the request's own context before touching it.
            Runnable reply = () -> {
                if (verdict.allowed()) {
                    rc.next();
                } else {
                    long seconds = verdict.retryAfterSeconds();
                    rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    errors.send(rc, ErrorCode.RATE_LIMITED, "Too many requests; try again in " + seconds + " s");
                }
            };
            if (context == null || context == Vertx.currentContext()) {
                reply.run();
            } else {
                context.runOnContext(v -> reply.run());
            }
        });
    }

    private static String subjectOf(RoutingContext rc) {
        if (!(rc.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken token && token.getSubject() != null ? token.getSubject()
                : principal.getName();
    }
}
