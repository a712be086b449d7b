package io.slideo.gateway.api;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Rate-limit buckets of this test JVM alone, so runs close together never share a budget in Redis. */
public class FreshRateLimitCounters implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("slideo.rate-limit.key-prefix", "slideo:test:" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        // The keys expire once their buckets have refilled.
    }
}
