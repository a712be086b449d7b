package io.slideo.gateway.api;

import io.quarkus.logging.Log;
import io.slideo.gateway.client.Upstream;
import io.slideo.model.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards the requests of one route to one upstream with Vert.x's reverse proxy: method, URI
 * (path and query), headers (Authorization and X-Request-Id included) and the streamed body go
 * through untouched. An upstream that cannot be reached is answered with 503 UNAVAILABLE in the
 * ApiError shape. WebSocket upgrades have a route of their own ({@link WebSocketTunnel}).
 */
public final class UpstreamRoute implements Handler<RoutingContext> {
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private final Upstream upstream;
    private final ErrorReplies errors;
    private final HttpProxy proxy;
    private final long connectTimeoutMillis;

    UpstreamRoute(Upstream upstream, ErrorReplies errors, long connectTimeoutMillis) {
        this.upstream = upstream;
        this.errors = errors;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), upstream.client())
                .origin(context -> context.client().request(requestOptions()))
                .addInterceptor(new UnavailableWhenUnreachable());
    }

    public static UpstreamRoute http(Upstream upstream, ErrorReplies errors, long connectTimeoutMillis) {
        return new UpstreamRoute(upstream, errors, connectTimeoutMillis);
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        // Routing and authorisation saw the normalised path; the upstream must not see another one.
        if (!request.path().equals(rc.normalizedPath())) {
            errors.send(rc, ErrorCode.NOT_FOUND, "No resource at " + rc.normalizedPath());
            return;
        }
        SocketAddress client = request.remoteAddress();
        if (client != null && client.host() != null) {
            String earlier = request.getHeader(FORWARDED_FOR);
            request.headers().set(FORWARDED_FOR, earlier == null ? client.host() : earlier + ", " + client.host());
        }
        request.headers().set(FORWARDED_PROTO, request.isSSL() ? "https" : "http");
        // The caller's trace context is already this request's span's parent; the upstream's parent is the
        // proxy's client span, whose context the tracer adds. Forwarded as well, the caller's would win.
        request.headers().remove(TRACEPARENT).remove(TRACESTATE);

        proxy.handle(request);
    }

    private RequestOptions requestOptions() {
        return new RequestOptions().setServer(upstream.address()).setConnectTimeout(connectTimeoutMillis);
    }

    private String unavailableMessage() {
        return upstream.name() + " is not available right now; try again shortly";
    }

    /** Turns "could not connect / timed out" into a 503 with a body, where the library would send an empty 502. */
    private final class UnavailableWhenUnreachable implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(cause -> {
                HttpServerRequest request = context.request().proxiedRequest();
                Log.warnf("%s failed for %s %s (request %s): %s", upstream.name(), request.method(), request.path(),
                        ErrorReplies.requestIdOf(request), cause.toString());
                Buffer body = errors.body(ErrorCode.UNAVAILABLE, unavailableMessage(), ErrorReplies.requestIdOf(request));
                ProxyResponse response = context.request().release().response()
                        .setStatusCode(ErrorCode.UNAVAILABLE.httpStatus())
                        .setStatusMessage("Service Unavailable")
                        .putHeader(HttpHeaders.CONTENT_TYPE, ErrorReplies.JSON)
                        .setBody(Body.body(body));
                return Future.succeededFuture(response);
            });
        }
    }
}
