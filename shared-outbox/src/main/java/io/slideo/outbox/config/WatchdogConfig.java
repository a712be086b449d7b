package io.slideo.outbox.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often the watchdog looks for work that stopped making progress (each kind sets its own patience). */
@ConfigMapping(prefix = "slideo.watchdog")
public interface WatchdogConfig {
    @WithDefault("1m")
    Duration every();
}
