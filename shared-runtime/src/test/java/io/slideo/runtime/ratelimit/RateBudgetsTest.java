package io.slideo.runtime.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Against the suite's real Redis (SLIDEO_REDIS_URL), and against a port where nothing listens. */
class RateBudgetsTest {
    private static final String REDIS = redisUrl();

    private final String prefix = "slideo:test:rate:" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();

    @Test
    void twoInstancesOverTheSameRedisSpendOneBudgetPerUser() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (RateBudgets first = new RateBudgets(limits(3, 100), REDIS, metrics);
                RateBudgets second = new RateBudgets(limits(3, 100), REDIS, metrics)) {
            assertTrue(spend(first, user, null).allowed());
            assertTrue(spend(second, user, null).allowed());
            assertTrue(spend(first, user, null).allowed());
            RateVerdict refused = spend(second, user, null);
            assertFalse(refused.allowed());
            // One token of three back takes a third of the hour the budget refills over.
            assertTrue(refused.retryAfterSeconds() > 1000 && refused.retryAfterSeconds() <= 1200,
                    refused.retryAfterSeconds() + " s");
            assertTrue(spend(first, "someone-else-" + UUID.randomUUID(), null).allowed());
            assertEquals(0, degraded(metrics, "user"));
        }
    }

    @Test
    void anAddressIsRefusedOnceItsUsersTogetherSpentItsBudget() {
        String address = "198.51.100." + UUID.randomUUID();
        try (RateBudgets budgets = new RateBudgets(limits(100, 2), REDIS, new SimpleMeterRegistry())) {
            assertTrue(spend(budgets, "a-" + UUID.randomUUID(), address).allowed());
            assertTrue(spend(budgets, "b-" + UUID.randomUUID(), address).allowed());
            assertFalse(spend(budgets, "c-" + UUID.randomUUID(), address).allowed());
            assertTrue(spend(budgets, "c-" + UUID.randomUUID(), address + "-other").allowed());
        }
    }

    @Test
    void withRedisUnreachableEachInstanceHoldsTheBudgetItselfAndCountsTheDegradedDecisions() throws IOException {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (RateBudgets budgets = new RateBudgets(limits(3, 100), "redis://127.0.0.1:" + closedPort(), metrics)) {
            long started = System.nanoTime();
            assertTrue(spend(budgets, user, "203.0.113.9").allowed());
            assertTrue(spend(budgets, user, "203.0.113.9").allowed());
            assertTrue(spend(budgets, user, "203.0.113.9").allowed());
            RateVerdict refused = spend(budgets, user, "203.0.113.9");
            assertFalse(refused.allowed(), "the local bucket holds the limit while Redis is down");
            assertTrue(spend(budgets, "someone-else-" + UUID.randomUUID(), null).allowed());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "no decision waits long on Redis");
            assertEquals(5, degraded(metrics, "user"));
            assertEquals(4, degraded(metrics, "address"));
        }
    }

    @Test
    void whenRedisGoesAwayUnderAConnectedInstanceItDecidesLocallyAtOnceAndReturnsToRedisWhenItIsBack()
            throws IOException {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (RedisLink link = new RedisLink(REDIS);
                RateBudgets budgets = new RateBudgets(limits(100, 100), link.url(), metrics);
                RateBudgets other = new RateBudgets(limits(100, 100), REDIS, new SimpleMeterRegistry())) {
            assertTrue(spend(budgets, user, null).allowed());
            assertEquals(0, degraded(metrics, "user"));

            link.cut();
            long started = System.nanoTime();
            assertTrue(spend(budgets, user, null).allowed());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "decided within the Redis timeout");
            assertEquals(1, degraded(metrics, "user"));

            link.restore();
            // Lettuce reconnects by itself; from then on the budget in Redis is the one spent again.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                double before = degraded(metrics, "user");
                spend(budgets, user, null);
                return degraded(metrics, "user") == before;
            });
            // Redis saw the spend before the cut and the one after the return, not the one made while cut
            // (a token may have refilled meanwhile: one every 36 s).
            long left = spendTheRest(other, user);
            assertTrue(left == 98 || left == 99, left + " tokens left in Redis");
        }
    }

    /** Spends the rest of a user's budget through {@code budgets}; how many tokens were left. */
    private static long spendTheRest(RateBudgets budgets, String userId) {
        long left = 0;
        while (spend(budgets, userId, null).allowed() && left < 1000) {
            left++;
        }
        return left;
    }

    @Test
    void disabledLimitsAllowEverythingWithoutRedis() throws IOException {
        RateLimitConfig off = new Limits(false, 1, 1, Duration.ofHours(1), prefix, Duration.ofMillis(300),
                Duration.ofSeconds(1));
        try (RateBudgets budgets = new RateBudgets(off, "redis://127.0.0.1:" + closedPort(), new SimpleMeterRegistry())) {
            for (int i = 0; i < 5; i++) {
                assertTrue(spend(budgets, user, "203.0.113.9").allowed());
            }
        }
    }

    private RateLimitConfig limits(int perUser, int perAddress) {
        return new Limits(true, perUser, perAddress, Duration.ofHours(1), prefix, Duration.ofMillis(300),
                Duration.ofSeconds(1));
    }

    private static RateVerdict spend(RateBudgets budgets, String userId, String address) {
        return budgets.spend(userId, address).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static double degraded(SimpleMeterRegistry metrics, String budget) {
        return metrics.get("slideo.rate.limit.degraded").tag("budget", budget).counter().count();
    }

    /** A port nothing listens on: bound for a moment by this test, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String redisUrl() {
        String url = System.getenv("SLIDEO_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:16379" : url;
    }

    record Limits(boolean enabled, int perUser, int perAddress, Duration refillPeriod, String keyPrefix,
            Duration redisTimeout, Duration reconnectInterval) implements RateLimitConfig {
    }
}
