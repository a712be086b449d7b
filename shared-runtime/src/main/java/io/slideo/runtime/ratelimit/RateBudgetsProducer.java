package io.slideo.runtime.ratelimit;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;

/** One {@link RateBudgets} per service that asks for it (gateway, websocket-service), on the suite's Redis. */
@Singleton
public class RateBudgetsProducer {

    @Produces
    @Singleton
    RateBudgets rateBudgets(RateLimitConfig config, MeterRegistry registry,
            @ConfigProperty(name = "slideo.redis.url", defaultValue = "redis://127.0.0.1:16379") String redisUrl) {
        return new RateBudgets(config, redisUrl, registry);
    }

    void close(@Disposes RateBudgets budgets) {
        budgets.close();
    }
}
