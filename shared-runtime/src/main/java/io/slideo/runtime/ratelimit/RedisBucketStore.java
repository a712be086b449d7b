package io.slideo.runtime.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Bucket4j's buckets in Redis, through a Lettuce connection of their own. The first connection is
 * made at once and awaited by the first callers (at most the connect timeout); one that failed is tried again at most once per
 * reconnect interval, and meanwhile callers get a failed stage (and decide locally) without waiting.
 * Once connected, Lettuce reconnects by itself and rejects commands while it is cut off, so an outage
 * never makes a caller wait longer than the Redis timeout. A key's bucket proxy is kept while the
 * key is in use and batches what its callers ask at the same time into one Redis call.
 */
final class RedisBucketStore implements AutoCloseable {
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    // A full bucket is the same as no bucket: its key goes shortly after it has refilled.
    private static final Duration KEPT_AFTER_REFILL = Duration.ofSeconds(10);
    // Connecting (TCP and the handshake) may take longer than a command: a cold JVM loads Lettuce and Netty first.
    private static final Duration MIN_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final long reconnectNanos;
    private volatile CompletableFuture<AsyncProxyManager<String>> attempt;
    private volatile long lastAttemptNanos;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private final RecentKeys<AsyncBucketProxy> buckets = new RecentKeys<>(100_000);

    RedisBucketStore(String redisUrl, Duration timeout, Duration reconnectInterval) {
        Duration connectTimeout = timeout.compareTo(MIN_CONNECT_TIMEOUT) > 0 ? timeout : MIN_CONNECT_TIMEOUT;
        this.uri = RedisURI.create(redisUrl);
        this.uri.setTimeout(connectTimeout);
        this.timeout = timeout;
        this.reconnectNanos = reconnectInterval.toNanos();
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
        this.attempt = connect();
    }

    /** The key's bucket in Redis; a failed stage while Redis has not been reached. */
    CompletionStage<AsyncBucketProxy> bucket(String key, BucketConfiguration configuration) {
        return proxies().thenApply(proxies -> buckets.get(key, ignored -> proxies.builder()
                .withOptimization(Optimizations.batching())
                .build(key, configuration)));
    }

    /** The proxy manager; a failed stage while Redis has not been reached (a new attempt starts when one is due). */
    private CompletionStage<AsyncProxyManager<String>> proxies() {
        CompletableFuture<AsyncProxyManager<String>> current = attempt;
        if (current.isCompletedExceptionally() && System.nanoTime() - lastAttemptNanos >= reconnectNanos) {
            synchronized (this) {
                if (attempt == current) {
                    attempt = connect();
                }
                current = attempt;
            }
        }
        return current;
    }

    private CompletableFuture<AsyncProxyManager<String>> connect() {
        lastAttemptNanos = System.nanoTime();
        return client.connectAsync(CODEC, uri).toCompletableFuture().thenApply(opened -> {
            connection = opened;
            return Bucket4jLettuce.casBasedBuilder(opened)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                    .requestTimeout(timeout)
                    .build()
                    .asAsync();
        });
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, timeout);
    }
}
