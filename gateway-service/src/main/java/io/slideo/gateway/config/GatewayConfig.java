package io.slideo.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The edge: where each upstream lives, how long to wait for it, and whom to believe about a caller's address. */
@ConfigMapping(prefix = "slideo.gateway")
public interface GatewayConfig {
    /** document-service: /api/v1/documents (SLIDEO_GATEWAY_DOCUMENT_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8082")
    URI documentServiceUrl();

    /** content-service: /api/v1/themes, /plans, /prompts, /research (SLIDEO_GATEWAY_CONTENT_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8083")
    URI contentServiceUrl();

    /** slide-service: /api/v1/decks, /graphql (SLIDEO_GATEWAY_SLIDE_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8084")
    URI slideServiceUrl();

    /**
     * websocket-service: /ws, one URL per instance, comma-separated (SLIDEO_GATEWAY_WEBSOCKET_SERVICE_URL);
     * upgrades are spread over them and skip any that is down.
     */
    @WithName("websocket-service-url")
    @WithDefault("http://127.0.0.1:8081")
    List<URI> websocketServiceUrls();

    /** Browser origins allowed to call the API cross-origin; feeds quarkus.http.cors.origins. */
    @WithDefault("http://localhost:8080")
    String corsOrigins();

    /** How long to wait for an upstream to accept a connection before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long an HTTP exchange with an upstream may stay silent (exports take a while). */
    @WithDefault("120s")
    Duration idleTimeout();

    /** How long a proxied WebSocket may stay silent; websocket-service pings well within it. */
    @WithDefault("30m")
    Duration websocketIdleTimeout();

    /** Connections kept per HTTP upstream (document-, content-, slide-service). */
    @WithDefault("2000")
    int maxConnectionsPerUpstream();

    /**
     * WebSockets tunnelled to one websocket-service instance: each holds a connection for its whole
     * life, so this matches the instance's own limit (slideo.websocket.max-connections), not the HTTP pools'.
     */
    @WithDefault("18000")
    int maxWebsocketsPerInstance();

    /** Where a request's client address (its rate-limit budget, see slideo.rate-limit.*) comes from. */
    ClientAddress clientAddress();

    interface ClientAddress {
        /**
         * Proxies (addresses or CIDRs, comma-separated) whose forwarding header is believed
         * (SLIDEO_GATEWAY_CLIENT_ADDRESS_TRUSTED_PROXIES). None by default: the address is the
         * connection's peer, and a header anyone can send is ignored.
         */
        Optional<List<String>> trustedProxies();

        /** The header the trusted proxies set: x-forwarded-for, or forwarded (RFC 7239). */
        @WithDefault("x-forwarded-for")
        ForwardedHeader forwardedHeader();
    }

    enum ForwardedHeader {
        X_FORWARDED_FOR,
        FORWARDED
    }
}
