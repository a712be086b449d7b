package io.slideo.gateway.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.slideo.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.SocketAddress;

/**
 * One pooled HTTP client per upstream. Connect and idle timeouts are what turn a service that
 * is down or stuck into a quick 503 instead of a request that hangs.
 */
@Singleton
public class UpstreamClients {
    private final Upstream documents;
    private final Upstream content;
    private final Upstream slides;
    private final List<Upstream> websocket;

    UpstreamClients(Vertx vertx, GatewayConfig config) {
        this.documents = create(vertx, config, "document-service", config.documentServiceUrl(), config.idleTimeout(),
                config.maxConnectionsPerUpstream());
        this.content = create(vertx, config, "content-service", config.contentServiceUrl(), config.idleTimeout(),
                config.maxConnectionsPerUpstream());
        this.slides = create(vertx, config, "slide-service", config.slideServiceUrl(), config.idleTimeout(),
                config.maxConnectionsPerUpstream());
        this.websocket = config.websocketServiceUrls().stream()
                .map(url -> create(vertx, config, "websocket-service", url, config.websocketIdleTimeout(),
                        config.maxWebsocketsPerInstance()))
                .toList();
    }

    public Upstream documents() {
        return documents;
    }

    public Upstream content() {
        return content;
    }

    public Upstream slides() {
        return slides;
    }

    /** Every websocket-service instance. */
    public List<Upstream> websocket() {
        return websocket;
    }

    @PreDestroy
    void close() {
        for (Upstream upstream : List.of(documents, content, slides)) {
            upstream.client().close();
        }
        for (Upstream upstream : websocket) {
            upstream.client().close();
        }
    }

    private static Upstream create(Vertx vertx, GatewayConfig config, String name, URI url, Duration idleTimeout,
            int maxConnections) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        if (!tls && !"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalStateException("The " + name + " URL must be http(s)://host[:port], not " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        HttpClientOptions options = new HttpClientOptions()
                .setSsl(tls)
                .setDefaultHost(url.getHost())
                .setDefaultPort(port)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) idleTimeout.toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true);
        HttpClient client = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(maxConnections));
        Log.infof("Upstream %s at %s", name, url);
        return new Upstream(name, url, SocketAddress.inetSocketAddress(port, url.getHost()), client);
    }
}
