package io.slideo.gateway.api;

import java.security.Principal;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.slideo.gateway.config.GatewayConfig;
import io.slideo.model.error.ErrorCode;
import io.slideo.runtime.ratelimit.RateBudgets;
import io.slideo.runtime.ratelimit.RateVerdict;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Spends one token of the user's budget and one of the client address's on every proxied request
 * (a WebSocket once, at its upgrade; its messages spend the same user budget in websocket-service),
 * after authentication so the user is the token's verified subject.
 */
@Singleton
public class RateLimitGate implements Handler<RoutingContext> {
    private final RateBudgets budgets;
    private final ClientAddresses addresses;
    private final ErrorReplies errors;

    RateLimitGate(RateBudgets budgets, ErrorReplies errors, GatewayConfig config) {
        this.budgets = budgets;
        this.errors = errors;
        this.addresses = new ClientAddresses(config.clientAddress());
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        SocketAddress peer = request.remoteAddress();
        String address = addresses.of(peer == null ? null : peer.host(), request.headers());
        Context context = Vertx.currentContext();
        budgets.spend(subjectOf(rc), address).thenAccept(verdict -> {
            // The verdict comes on a Redis client thread: back to the request's own context before touching it.
            if (context == null || context == Vertx.currentContext()) {
                answer(rc, verdict);
            } else {
                context.runOnContext(ignored -> answer(rc, verdict));
            }
        });
    }

    private void answer(RoutingContext rc, RateVerdict verdict) {
        if (verdict.allowed()) {
            rc.next();
            return;
        }
        long seconds = verdict.retryAfterSeconds();
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.send(rc, ErrorCode.RATE_LIMITED, "Too many requests; try again in " + seconds + " s");
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
