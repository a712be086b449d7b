package io.slideo.runtime.ratelimit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * This instance's own Bucket4j buckets, spent while Redis cannot be reached: each instance then
 * holds every key to the whole budget by itself, so the limits still hold, only as many times
 * looser as there are instances. The least recently used keys are dropped past a bound, so an
 * outage under many addresses cannot grow the heap without end.
 */
final class LocalBuckets {
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });

    ConsumptionProbe spend(String key, Bandwidth limit) {
        return buckets.computeIfAbsent(key, ignored -> Bucket.builder().addLimit(limit).build())
                .tryConsumeAndReturnRemaining(1);
    }
}
