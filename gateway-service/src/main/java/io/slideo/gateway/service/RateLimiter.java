package io.slideo.gateway.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Fixed-window request counts in Redis, shared by every gateway instance: one counter per user
 * and one per client address, each living for one window. The script counts and reads the
 * remaining window in one atomic step, so no counter is ever left without an expiry.
 */
@ApplicationScoped
public class RateLimiter {
    private static final String SCRIPT = """
            local result = {}
            for i, key in ipairs(KEYS) do
              local count = redis.call('INCR', key)
              local ttl = redis.call('PTTL', key)
              if count == 1 or ttl < 0 then
                redis.call('PEXPIRE', key, ARGV[1])
                ttl = tonumber(ARGV[1])
              end
              result[#result + 1] = count
              result[#result + 1] = ttl
            end
            return result
            """;

    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.RateLimit limits;
    // One warning per interval while Redis is down, not one per request.
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS - 1);

    RateLimiter(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.limits = config.rateLimit();
    }

    /** The request has been counted; the verdict says whether it is still within both limits. */
    public Uni<Verdict> count(String userId, String address) {
        List<String> args = new ArrayList<>();
        args.add(SCRIPT);
        List<Integer> maxima = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (userId != null) {
            keys.add(limits.keyPrefix() + ":user:" + userId);
            maxima.add(limits.perUser());
        }
        if (address != null) {
            keys.add(limits.keyPrefix() + ":addr:" + address);
            maxima.add(limits.perAddress());
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Verdict.ALLOWED);
        }
        args.add(Integer.toString(keys.size()));
        args.addAll(keys);
        args.add(Long.toString(Math.max(1, limits.window().toMillis())));
        return redis.execute("EVAL", args.toArray(String[]::new))
                .map(response -> verdict(response, maxima))
                // The limits protect the services, they are not a reason to turn everyone away:
                // with Redis gone (readiness says so) requests pass uncounted.
                .onFailure().recoverWithItem(failure -> {
                    warnAtMostEvery10Seconds(failure);
                    return Verdict.ALLOWED;
                });
    }

    private void warnAtMostEvery10Seconds(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            Log.warnf("Rate limits not counted, Redis failed: %s", failure.toString());
        }
    }

    private static Verdict verdict(Response response, List<Integer> maxima) {
        long waitMillis = 0;
        for (int i = 0; i < maxima.size(); i++) {
            long count = response.get(2 * i).toLong();
            long ttlMillis = response.get(2 * i + 1).toLong();
            if (count > maxima.get(i)) {
                waitMillis = Math.max(waitMillis, Math.max(ttlMillis, 1));
            }
        }
        return waitMillis == 0 ? Verdict.ALLOWED : new Verdict(false, Duration.ofMillis(waitMillis));
    }

    /** Whether to serve the request, and if not, how long until the window that refused it closes. */
    public record Verdict(boolean allowed, Duration retryAfter) {
        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        /** Whole seconds, rounded up, as Retry-After wants them. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
