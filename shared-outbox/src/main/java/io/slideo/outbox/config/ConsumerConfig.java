package io.slideo.outbox.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers ride out an outage of what they depend on before a record goes to its DLQ. */
@ConfigMapping(prefix = "slideo.consumer")
public interface ConsumerConfig {
    /** How long a record that failed for a transient reason is retried; covers a restart of PostgreSQL or Redis. */
    @WithDefault("3m")
    Duration retryFor();

    /** The wait before the first retry; it doubles with each attempt. */
    @WithDefault("200ms")
    Duration firstRetryAfter();

    /** The longest wait between two attempts. */
    @WithDefault("10s")
    Duration longestRetryWait();
}
