package io.slideo.runtime.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * This instance's own Bucket4j buckets, spent while Redis cannot be reached: each instance then
 * holds every key to the whole budget by itself, so the limits still hold, only as many times
 * looser as there are instances. Only the most recently used keys are kept.
 */
final class LocalBuckets {
    private final RecentKeys<Bucket> buckets = new RecentKeys<>(100_000);

    ConsumptionProbe spend(String key, Bandwidth limit) {
        return buckets.get(key, ignored -> Bucket.builder().addLimit(limit).build()).tryConsumeAndReturnRemaining(1);
    }
}
