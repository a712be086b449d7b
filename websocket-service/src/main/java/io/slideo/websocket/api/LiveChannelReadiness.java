package io.slideo.websocket.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.slideo.websocket.service.ConnectionRegistry;
import io.slideo.websocket.service.LiveInstance;

/** Ready while the instance takes connections; down as soon as it starts draining, so nothing new is routed to it. */
@Readiness
@ApplicationScoped
public class LiveChannelReadiness implements HealthCheck {
    private final LiveInstance instance;
    private final ConnectionRegistry registry;

    LiveChannelReadiness(LiveInstance instance, ConnectionRegistry registry) {
        this.instance = instance;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Live channel")
                .status(!instance.draining())
                .withData("instance", instance.name())
                .withData("open_connections", registry.openCount())
                .withData("limit", registry.limit())
                .build();
    }
}
