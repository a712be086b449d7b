package io.slideo.gateway.api;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Rate-limit counters of this test JVM alone, so runs close together never share a window in Redis. */
public class FreshRateLimitCounters implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("slideo.gateway.rate-limit.key-prefix", "slideo:test:" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        // The keys expire with their window.
    }
}
