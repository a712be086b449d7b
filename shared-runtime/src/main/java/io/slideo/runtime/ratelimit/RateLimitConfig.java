package io.slideo.runtime.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The budgets every gateway and websocket-service instance spends together, kept as token buckets in
 * Redis. The gateway and websocket-service must be given the same values (the defaults are).
 */
@ConfigMapping(prefix = "slideo.rate-limit")
public interface RateLimitConfig {
    /** Off only for local experiments and benchmarks; the limits protect every service behind the gateway. */
    @WithDefault("true")
    boolean enabled();

    /** One user's budget (token subject): REST calls through the gateway and WebSocket messages spend it alike. */
    @WithDefault("600")
    int perUser();

    /** One client address's budget for REST calls through the gateway, across all its users. */
    @WithDefault("1200")
    int perAddress();

    /** A spent budget refills evenly over this period: 600 per minute is 10 a second, and 600 at once at most. */
    @WithDefault("60s")
    Duration refillPeriod();

    /** Prefix of the Redis keys, so deployments sharing one Redis keep separate budgets. */
    @WithDefault("slideo:rate")
    String keyPrefix();

    /** How long to wait for Redis before deciding on this instance's own buckets instead. */
    @WithDefault("500ms")
    Duration redisTimeout();

    /** While Redis cannot be reached, how often to try to connect again. */
    @WithDefault("5s")
    Duration reconnectInterval();
}
