package io.slideo.websocket.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.slideo.websocket.messaging.NotificationConsumer;
import io.slideo.websocket.service.ConnectionRegistry;
import io.slideo.websocket.service.LiveInstance;

/**
 * Ready once the instance receives notifications and while it takes connections; down as soon as
 * it starts draining, so nothing new is routed to it.
 */
@Readiness
@ApplicationScoped
public class LiveChannelReadiness implements HealthCheck {
    private final LiveInstance instance;
    private final ConnectionRegistry registry;
    private final NotificationConsumer notifications;

    LiveChannelReadiness(LiveInstance instance, ConnectionRegistry registry, NotificationConsumer notifications) {
        this.instance = instance;
        this.registry = registry;
        this.notifications = notifications;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Live channel")
                .status(!instance.draining() && notifications.assigned())
                .withData("instance", instance.name())
                .withData("notifications", notifications.assigned() ? "receiving" : "not yet assigned")
                .withData("open_connections", registry.openCount())
                .withData("limit", registry.limit())
                .build();
    }
}
