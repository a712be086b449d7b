package io.slideo.runtime.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Browsers cannot set headers on a WebSocket upgrade, so there the token may come as the
 * {@code access_token} query parameter or as a {@code bearer.<jwt>} entry of
 * {@code Sec-WebSocket-Protocol}. This filter moves it into the Authorization header before
 * authentication runs, so one mechanism (SmallRye JWT) verifies every request the same way. Only on
 * an upgrade: REST and GraphQL calls take the header alone, so a token never lands in a URL that
 * access logs, proxies and browser history keep.
 */
@Singleton
public class BearerTokenCarrier {
    static final String QUERY_PARAMETER = "access_token";
    static final String SUBPROTOCOL_PREFIX = "bearer.";
    static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            if (isWebSocketUpgrade(request) && !request.headers().contains(HttpHeaders.AUTHORIZATION)) {
                String token = tokenOf(request.getParam(QUERY_PARAMETER),
                        request.getHeader(SEC_WEBSOCKET_PROTOCOL));
                if (token != null) {
                    request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                }
            }
            rc.next();
        }, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    /** RFC 6455: an opening handshake is a GET with {@code Upgrade: websocket}. */
    static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    static String tokenOf(String queryParameter, String subprotocols) {
        if (queryParameter != null && !queryParameter.isBlank()) {
            return queryParameter.trim();
        }
        if (subprotocols != null) {
            for (String protocol : subprotocols.split(",")) {
                String candidate = protocol.trim();
                if (candidate.startsWith(SUBPROTOCOL_PREFIX) && candidate.length() > SUBPROTOCOL_PREFIX.length()) {
                    return candidate.substring(SUBPROTOCOL_PREFIX.length());
                }
            }
        }
        return null;
    }
}
