package io.slideo.gateway.api;

import java.util.concurrent.CompletionException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.slideo.gateway.client.UpstreamClients;
import io.slideo.gateway.config.GatewayConfig;
import io.slideo.model.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The route table. Authentication, CORS and the request id have run before any of these
 * (Quarkus filters and HTTP permissions); each route then counts the request against the rate
 * limits and hands it to its upstream. Anything else under /api is a 404 in the ApiError shape;
 * other paths fall through to the web client's static files.
 */
@Singleton
public class EdgeRoutes {
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private final UpstreamClients upstreams;
    private final RateLimitGate rateLimits;
    private final ErrorReplies errors;
    private final long connectTimeoutMillis;

    EdgeRoutes(UpstreamClients upstreams, RateLimitGate rateLimits, ErrorReplies errors, GatewayConfig config) {
        this.upstreams = upstreams;
        this.rateLimits = rateLimits;
        this.errors = errors;
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::securityFailure);

        UpstreamRoute documents = UpstreamRoute.http(upstreams.documents(), errors, connectTimeoutMillis);
        UpstreamRoute content = UpstreamRoute.http(upstreams.content(), errors, connectTimeoutMillis);
        UpstreamRoute slides = UpstreamRoute.http(upstreams.slides(), errors, connectTimeoutMillis);
        WebSocketTunnel websocket = new WebSocketTunnel(upstreams.websocket(), errors, connectTimeoutMillis);

        // "/x/*" matches /x itself as well as everything below it.
        proxy(router.route("/api/v1/documents/*"), documents);
        proxy(router.route("/api/v1/themes/*"), content);
        proxy(router.route("/api/v1/plans/*"), content);
        proxy(router.route("/api/v1/prompts/*"), content);
        proxy(router.route("/api/v1/research/*"), content);
        proxy(router.route("/api/v1/decks/*"), slides);
        proxy(router.route("/graphql"), slides);
        proxy(router.route("/ws"), websocket);
        router.route("/api/*").handler(rc -> errors.send(rc, ErrorCode.NOT_FOUND,
                "No API at " + rc.normalizedPath()));
    }

    private void proxy(Route route, Handler<RoutingContext> upstream) {
        route.handler(rateLimits).handler(upstream);
    }

    /** Security failures reach here as failed routing contexts (see TokenRequiredPolicy); answer them in the ApiError shape. */
    private void securityFailure(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        Throwable failure = rootCause(rc.failure());
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || rc.statusCode() == 401) {
            if (!rc.response().headers().contains(WWW_AUTHENTICATE)) {
                rc.response().putHeader(WWW_AUTHENTICATE, "Bearer");
            }
            Log.debugf("Refused %s %s without a valid token", rc.request().method(), rc.normalizedPath());
            errors.send(rc, ErrorCode.UNAUTHORIZED, "A valid bearer token is required");
        } else if (failure instanceof ForbiddenException || rc.statusCode() == 403) {
            errors.send(rc, ErrorCode.FORBIDDEN, "Not allowed");
        } else {
            rc.next();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
