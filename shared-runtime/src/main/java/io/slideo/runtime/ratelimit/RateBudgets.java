package io.slideo.runtime.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * The per-user and per-address budgets, as Bucket4j token buckets in the suite's Redis, so every
 * gateway and websocket-service instance spends the same ones: a REST call through the gateway
 * spends one token of its user's budget and one of its address's, a WebSocket message one of its
 * user's. While Redis cannot be reached the decision is made on this instance's own buckets (the
 * limits loosen by the number of instances instead of vanishing or turning everyone away), and
 * each such decision counts in {@code slideo_rate_limit_degraded_total}.
 */
public class RateBudgets implements AutoCloseable {
    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final boolean enabled;
    private final String keyPrefix;
    private final Budget user;
    private final Budget address;
    private final RedisBucketStore redis;
    private final LocalBuckets local = new LocalBuckets();
    // One warning per interval while Redis is down, not one per request.
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS - 1);

    public RateBudgets(RateLimitConfig config, String redisUrl, MeterRegistry registry) {
        this.enabled = config.enabled();
        this.keyPrefix = config.keyPrefix();
        this.user = new Budget("user", config.perUser(), config.refillPeriod(), registry);
        this.address = new Budget("address", config.perAddress(), config.refillPeriod(), registry);
        this.redis = enabled ? new RedisBucketStore(redisUrl, config.redisTimeout(), config.reconnectInterval()) : null;
    }

    /**
     * Spends one token of the user's budget and one of the address's (either may be null: not
     * counted); refused when either budget is empty. Completes on a Redis client thread.
     */
    public CompletionStage<RateVerdict> spend(String userId, String clientAddress) {
        if (!enabled) {
            return CompletableFuture.completedFuture(RateVerdict.ALLOWED);
        }
        CompletableFuture<RateVerdict> byUser = userId == null ? CompletableFuture.completedFuture(RateVerdict.ALLOWED)
                : spend(user, userId);
        CompletableFuture<RateVerdict> byAddress = clientAddress == null
                ? CompletableFuture.completedFuture(RateVerdict.ALLOWED)
                : spend(address, clientAddress);
        return byUser.thenCombine(byAddress, RateVerdict::and);
    }

    /** A user's budget alone: what one WebSocket message spends. */
    public CompletionStage<RateVerdict> spendUser(String userId) {
        return spend(userId, null);
    }

    /** The user budget's size, for messages that tell a client what the limit is. */
    public int perUser() {
        return user.capacity;
    }

    public Duration refillPeriod() {
        return user.refillPeriod;
    }

    private CompletableFuture<RateVerdict> spend(Budget budget, String id) {
        String key = keyPrefix + ":" + budget.name + ":" + id;
        return redis.bucket(key, budget.configuration).toCompletableFuture()
                .thenCompose(bucket -> bucket.tryConsumeAndReturnRemaining(1))
                .thenApply(RateBudgets::verdict)
                .exceptionally(failure -> {
                    budget.degraded.increment();
                    warnAtMostEvery10Seconds(failure);
                    return verdict(local.spend(key, budget.limit));
                });
    }

    private static RateVerdict verdict(ConsumptionProbe probe) {
        return probe.isConsumed() ? RateVerdict.ALLOWED : RateVerdict.refused(probe.getNanosToWaitForRefill());
    }

    private void warnAtMostEvery10Seconds(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            Log.warnf("Rate limits decided on this instance alone, Redis failed: %s", failure.toString());
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    /** One kind of budget: its bucket's shape (in Redis and locally) and its degraded-decision counter. */
    private static final class Budget {
        final String name;
        final int capacity;
        final Duration refillPeriod;
        final Bandwidth limit;
        final BucketConfiguration configuration;
        final Counter degraded;

        Budget(String name, int capacity, Duration refillPeriod, MeterRegistry registry) {
            this.name = name;
            this.capacity = capacity;
            this.refillPeriod = refillPeriod;
            this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build();
            this.configuration = BucketConfiguration.builder().addLimit(limit).build();
            this.degraded = Counter.builder("slideo.rate.limit.degraded")
                    .description("Rate-limit decisions made on this instance's own buckets because Redis failed")
                    .tag("budget", name)
                    .register(registry);
        }
    }
}
