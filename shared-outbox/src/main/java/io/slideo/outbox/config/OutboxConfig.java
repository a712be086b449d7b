package io.slideo.outbox.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Largest event the outbox accepts; below Kafka's default max.request.size (1 MiB) with room for the record's headers. */
    @WithDefault("900K")
    MemorySize maxEventSize();

    /** How long the relay waits after its first failed pass (broker or database down); doubles with each failure. */
    @WithDefault("250ms")
    Duration firstBackoff();

    /** The longest the relay waits between failed passes. */
    @WithDefault("30s")
    Duration longestBackoff();
}
