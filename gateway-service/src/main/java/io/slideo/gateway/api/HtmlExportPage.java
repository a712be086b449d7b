package io.slideo.gateway.api;

import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.slideo.gateway.client.Upstream;
import io.slideo.gateway.client.UpstreamClients;
import io.slideo.gateway.config.GatewayConfig;
import io.slideo.model.error.ErrorCode;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * "Open the HTML export" in the web client. The export is a page of its own, with inline styles;
 * opened from a blob: URL it would inherit the app's Content-Security-Policy ({@code style-src
 * 'self'}) and show unstyled. So the web client posts a form here (into a new tab) and the export
 * arrives as its own document, under {@link EdgeHeaders#EXPORT_CONTENT_SECURITY_POLICY}.
 * A navigation cannot carry an Authorization header and a token in an address stays in the
 * browser's history, so the token comes in the form's body (RFC 6750 §2.2), is verified here like
 * any bearer token, and goes on to slide-service in the Authorization header.
 */
@Singleton
public class HtmlExportPage {
    static final String PATH = "/exports/html";
    static final String TOKEN_FIELD = "access_token";
    static final String DECK_FIELD = "deck_id";
    private static final Pattern DECK_ID = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");
    // A token and a deck id; anything longer is not this form.
    private static final long MAX_FORM_BYTES = 16 * 1024;

    private final JWTParser tokens;
    private final UpstreamClients upstreams;
    private final RateLimitGate rateLimits;
    private final ErrorReplies errors;
    private final long connectTimeoutMillis;

    HtmlExportPage(JWTParser tokens, UpstreamClients upstreams, RateLimitGate rateLimits, ErrorReplies errors,
            GatewayConfig config) {
        this.tokens = tokens;
        this.upstreams = upstreams;
        this.rateLimits = rateLimits;
        this.errors = errors;
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
    }

    void register(@Observes Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
                .handler(rateLimits)
                .handler(this::open);
    }

    void open(RoutingContext rc) {
        String token = rc.request().getFormAttribute(TOKEN_FIELD);
        String deckId = rc.request().getFormAttribute(DECK_FIELD);
        try {
            tokens.parse(token == null ? "" : token.trim());
        } catch (ParseException e) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            errors.send(rc, ErrorCode.UNAUTHORIZED, "A valid bearer token is required");
            return;
        }
        if (deckId == null || !DECK_ID.matcher(deckId).matches()) {
            errors.send(rc, ErrorCode.NOT_FOUND, "No deck " + (deckId == null ? "was named" : "has that id"));
            return;
        }
        Upstream slides = upstreams.slides();
        RequestOptions export = new RequestOptions()
                .setServer(slides.address())
                .setConnectTimeout(connectTimeoutMillis)
                .setMethod(HttpMethod.GET)
                .setURI("/api/v1/decks/" + deckId + "/export?format=html")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim())
                .putHeader(RequestIds.HEADER, ErrorReplies.requestIdOf(rc.request()));
        slides.client().request(export)
                .compose(request -> request.send())
                .onSuccess(answer -> relay(answer, rc.response()))
                .onFailure(cause -> {
                    Log.warnf("%s failed for the HTML export of deck %s (request %s): %s", slides.name(), deckId,
                            ErrorReplies.requestIdOf(rc.request()), cause.toString());
                    errors.send(rc, ErrorCode.UNAVAILABLE, slides.name() + " is not available right now; try again shortly");
                });
    }

    /** slide-service's answer as it is (the export, or its error), shown in the tab rather than saved. */
    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, type);
        }
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }
}
