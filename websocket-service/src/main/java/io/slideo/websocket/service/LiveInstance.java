package io.slideo.websocket.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.websocket.config.LiveChannelConfig;

/**
 * Who this instance is: a name for people (the launcher's, e.g. {@code websocket-service-2}) and
 * an incarnation for Redis, new with every start, so a restarted instance never inherits the
 * connections its crashed predecessor left counted. Draining starts when it shuts down.
 */
@ApplicationScoped
public class LiveInstance {
    private final String name;
    private final String incarnation;
    private volatile boolean draining;

    LiveInstance(LiveChannelConfig config) {
        String random = UUID.randomUUID().toString();
        this.name = config.instanceId().filter(id -> !id.isBlank()).orElse("websocket-" + random.substring(0, 8));
        this.incarnation = name + "#" + random;
    }

    public String name() {
        return name;
    }

    public String incarnation() {
        return incarnation;
    }

    public boolean draining() {
        return draining;
    }

    void drain() {
        draining = true;
    }
}
