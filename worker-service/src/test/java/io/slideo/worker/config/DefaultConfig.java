package io.slideo.worker.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The worker's configuration with every default, for unit tests that run without Quarkus. */
public final class DefaultConfig {
    private DefaultConfig() {
    }

    public static WorkerConfig worker() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus's "120s" form
                .withMapping(WorkerConfig.class)
                .build();
        return config.getConfigMapping(WorkerConfig.class);
    }
}
