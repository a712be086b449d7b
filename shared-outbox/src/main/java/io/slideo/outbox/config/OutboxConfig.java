package io.slideo.outbox.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.outbox")
public interface OutboxConfig {
    /** Most events one relay pass publishes. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay looks for committed events. */
    @WithDefault("100ms")
    Duration pollInterval();
}
