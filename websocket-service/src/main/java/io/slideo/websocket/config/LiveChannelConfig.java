package io.slideo.websocket.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.websocket")
public interface LiveChannelConfig {
    /** Most open connections one instance holds; a client past it is closed with 1013 (try again later). */
    @WithDefault("10000")
    int maxConnections();

    /** How long a session lives in Redis without client activity; every client message renews it. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** Prefix of the Redis session keys: {@code <prefix>:<userId>:<connectionId>}. */
    @WithDefault("slideo:session")
    String sessionKeyPrefix();
}
