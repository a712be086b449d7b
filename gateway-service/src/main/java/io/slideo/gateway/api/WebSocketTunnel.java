package io.slideo.gateway.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.logging.Log;
import io.slideo.gateway.client.Upstream;
import io.slideo.model.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /ws}: spreads WebSocket upgrades over the websocket-service instances (round robin) and
 * tunnels each accepted one byte for byte. An instance that refuses the connection or answers 503
 * (it is shutting down) is skipped for the next, so a client reconnecting after an instance died
 * lands on a live one; only when every instance fails is the answer 503 UNAVAILABLE. The tunnel
 * pipes with back-pressure both ways: a client that stops reading stalls its own tunnel, which
 * websocket-service sees as a slow socket (and bounds), instead of the gateway buffering without
 * end. Requests that are not upgrades go to the first instance like any proxied request.
 */
public final class WebSocketTunnel implements Handler<RoutingContext> {
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final List<Upstream> instances;
    private final UpstreamRoute plain;
    private final ErrorReplies errors;
    private final long connectTimeoutMillis;
    private final AtomicInteger next = new AtomicInteger();

    public WebSocketTunnel(List<Upstream> instances, ErrorReplies errors, long connectTimeoutMillis) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("At least one websocket-service instance is needed");
        }
        this.instances = List.copyOf(instances);
        this.errors = errors;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.plain = UpstreamRoute.http(instances.get(0), errors, connectTimeoutMillis);
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!isUpgrade(request)) {
            plain.handle(rc);
            return;
        }
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
        attempt(rc, Math.floorMod(next.getAndIncrement(), instances.size()), 0);
    }

    private void attempt(RoutingContext rc, int start, int tried) {
        Upstream upstream = instances.get((start + tried) % instances.size());
        HttpServerRequest request = rc.request();
        RequestOptions options = new RequestOptions().setServer(upstream.address()).setMethod(HttpMethod.GET)
                .setURI(request.uri()).setConnectTimeout(connectTimeoutMillis);
        upstream.client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                failed(rc, start, tried, upstream, opened.cause().toString());
                return;
            }
            HttpClientRequest upgrade = opened.result();
            for (Map.Entry<String, String> header : request.headers()) {
                if (!HttpHeaders.HOST.toString().equalsIgnoreCase(header.getKey())) {
                    upgrade.headers().add(header.getKey(), header.getValue());
                }
            }
            upgrade.headers().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            upgrade.connect().onComplete(answered -> {
                if (answered.failed()) {
                    failed(rc, start, tried, upstream, answered.cause().toString());
                    return;
                }
                HttpClientResponse response = answered.result();
                if (response.statusCode() == 101) {
                    splice(rc, upstream, response);
                } else if (response.statusCode() == 503 && tried + 1 < instances.size()) {
                    response.request().reset();
                    failed(rc, start, tried, upstream, "503 (draining)");
                } else {
                    relay(rc, response);
                }
            });
        });
    }

    private void failed(RoutingContext rc, int start, int tried, Upstream upstream, String why) {
        if (tried + 1 < instances.size()) {
            Log.debugf("%s refused a WebSocket upgrade (%s); trying the next instance", upstream.url(), why);
            attempt(rc, start, tried + 1);
            return;
        }
        Log.warnf("No websocket-service instance took an upgrade (request %s); the last said: %s",
                ErrorReplies.requestIdOf(rc.request()), why);
        errors.send(rc, ErrorCode.UNAVAILABLE, "websocket-service is not available right now; try again shortly");
    }

    /** The upgrade was accepted: answer the client with the instance's 101 and join the two sockets. */
    private static void splice(RoutingContext rc, Upstream upstream, HttpClientResponse response) {
        NetSocket toInstance = response.netSocket();
        // A socket without a handler drops what it reads: hold the instance's first frames (its
        // welcome can follow the 101 at once) until the pipe to the client is in place.
        toInstance.pause();
        HttpServerRequest request = rc.request();
        request.response().setStatusCode(101);
        request.response().headers().addAll(response.headers());
        request.toNetSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                Log.debugf("Client left during the upgrade to %s: %s", upstream.url(), upgraded.cause().toString());
                toInstance.close();
                return;
            }
            NetSocket toClient = upgraded.result();
            // pipeTo pauses the source while the destination's write queue is full, and closes the
            // destination when the source ends: each side's close reaches the other.
            toClient.pipeTo(toInstance);
            toInstance.pipeTo(toClient);
        });
    }

    /** Anything but 101 (a refusal) goes back to the client as the instance gave it. */
    private static void relay(RoutingContext rc, HttpClientResponse response) {
        response.body().onComplete(body -> {
            if (rc.response().ended()) {
                return;
            }
            rc.response().setStatusCode(response.statusCode());
            response.headers().forEach(header -> {
                if (!HttpHeaders.CONNECTION.toString().equalsIgnoreCase(header.getKey())) {
                    rc.response().headers().add(header.getKey(), header.getValue());
                }
            });
            if (body.succeeded()) {
                rc.response().end(body.result());
            } else {
                rc.response().end();
            }
        });
    }

    private static boolean isUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && "websocket".equalsIgnoreCase(upgrade.trim());
    }
}
