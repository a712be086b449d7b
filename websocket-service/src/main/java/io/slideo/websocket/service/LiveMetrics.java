package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What operators watch: open sockets, and messages in and out by type (a bounded set of names). */
@ApplicationScoped
public class LiveMetrics {
    static final String INVALID = "invalid";
    static final String BINARY = "binary";

    private final MeterRegistry registry;

    LiveMetrics(MeterRegistry registry, ConnectionRegistry connections) {
        this.registry = registry;
        Gauge.builder("slideo.websocket.connections.open", connections, ConnectionRegistry::openCount)
                .description("WebSocket connections open on this instance")
                .register(registry);
    }

    public void received(String type) {
        registry.counter("slideo.websocket.messages.in", "type", type).increment();
    }

    public void sent(String type) {
        registry.counter("slideo.websocket.messages.out", "type", type).increment();
    }
}
