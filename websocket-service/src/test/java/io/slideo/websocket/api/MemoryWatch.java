package io.slideo.websocket.api;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.redis.datasource.RedisDataSource;
import io.slideo.testing.LiveHeap;

/**
 * What this JVM's heap and a Redis server hold while it watches: the heap in use sampled every 50 ms
 * (garbage included), the heap still in use after each collection (what the code keeps alive, from
 * {@link LiveHeap}), and Redis's used_memory sampled every 250 ms, each against its value at the start.
 */
final class MemoryWatch {
    private static final long MIB = 1024 * 1024;
    private static final Pattern USED_MEMORY = Pattern.compile("(?m)^used_memory:(\\d+)");

    private final RedisDataSource redis;
    private final long heapBefore;
    private final long redisBefore;
    private final AtomicLong mostUsed = new AtomicLong();
    private final AtomicLong mostRedis = new AtomicLong();
    private final LiveHeap liveHeap;
    private final Thread sampler;
    private volatile boolean watching = true;

    private MemoryWatch(RedisDataSource redis) {
        this.redis = redis;
        this.heapBefore = liveHeap();
        this.redisBefore = redisUsedMemory();
        this.liveHeap = LiveHeap.watch();
        this.sampler = new Thread(this::sample, "memory-watch");
    }

    /** Collects first, so that the starting point is what is alive, not garbage. */
    static MemoryWatch start(RedisDataSource redis) {
        MemoryWatch watch = new MemoryWatch(redis);
        watch.sampler.setDaemon(true);
        watch.sampler.start();
        return watch;
    }

    void stop() throws InterruptedException {
        watching = false;
        sampler.join();
        liveHeap.close();
    }

    long heapGrowthAfterCollection() {
        return liveHeap.mostAfterCollection() - heapBefore;
    }

    long redisGrowth() {
        return mostRedis.get() - redisBefore;
    }

    String report() {
        return String.format("heap: %d MiB live at the start, at most %d MiB in use (garbage included, max %d MiB),"
                + " at most %d MiB live after any of %d collections (growth %d MiB); Redis used_memory: %.1f MiB at the"
                + " start, at most %.1f MiB (growth %.2f MiB)", heapBefore / MIB, mostUsed.get() / MIB,
                Runtime.getRuntime().maxMemory() / MIB, liveHeap.mostAfterCollection() / MIB, liveHeap.collections(),
                heapGrowthAfterCollection() / MIB, redisBefore / (double) MIB, mostRedis.get() / (double) MIB,
                redisGrowth() / (double) MIB);
    }

    private void sample() {
        for (int tick = 0; watching; tick++) {
            mostUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            if (tick % 5 == 0) {
                mostRedis.accumulateAndGet(redisUsedMemory(), Math::max);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long redisUsedMemory() {
        Matcher used = USED_MEMORY.matcher(redis.execute("INFO", "memory").toString());
        if (!used.find()) {
            throw new IllegalStateException("INFO memory has no used_memory");
        }
        return Long.parseLong(used.group(1));
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
