package io.slideo.gateway.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.slideo.runtime.error.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs first on every request (before CORS and authentication): gives the request an
 * X-Request-Id that the upstreams receive, and puts the same id and the security headers on
 * every answer, whoever wrote it (the gateway, the security layer, an upstream).
 */
@Singleton
public class EdgeHeaders {
    // Browsers load only the web client's own files and talk only to this origin (HTTP and WebSocket).
    // The slides the studio shows use the HTML export's fonts, which its stylesheet carries as data: URIs
    // (a font cannot run anything); styles stay 'self': the page applies a slide's with the CSSOM.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    // The HTML export (HtmlExportPage) is a document of its own: its inline <style> and style="..."
    // attributes and its embedded (data:) fonts, and nothing else. Hashes cannot list the style
    // attributes every box of a slide has, hence 'unsafe-inline' for styles only; what makes that safe
    // is the rest: sandbox gives the page an opaque origin (it cannot read this origin's storage, where
    // the web client keeps the token) and no scripts, forms or pop-ups; default-src 'none' lets no
    // request leave it, so a style could only restyle the export itself.
    static final String EXPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
    // An id from a client ends up in every service's logs: keep it short and plain.
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(this::handle, SecurityHandlerPriorities.CORS + 10);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String requestId = request.getHeader(RequestIds.HEADER);
        if (requestId == null || !ACCEPTABLE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(RequestIds.HEADER, requestId);
        }
        String id = requestId;
        String policy = HtmlExportPage.PATH.equals(rc.normalizedPath()) ? EXPORT_CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY;
        rc.response().headersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", policy);
            headers.set(RequestIds.HEADER, id);
        });
        rc.next();
    }
}
