package io.slideo.outbox;

import java.time.Duration;

/**
 * How long the relay rests after failed passes: the first wait, doubled for each further failure,
 * up to the longest; a successful pass resets it. Not thread-safe; the relay runs one pass at a time.
 */
final class RelayBackoff {
    private final Duration first;
    private final Duration longest;
    private int failures;
    private long resumeAtNanos;

    RelayBackoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
    }

    boolean resting(long nowNanos) {
        return failures > 0 && nowNanos - resumeAtNanos < 0;
    }

    /** Records a failed pass and returns how long the relay now rests. */
    Duration failed(long nowNanos) {
        failures++;
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 30));
        if (wait.compareTo(longest) > 0 || wait.isNegative()) {
            wait = longest;
        }
        resumeAtNanos = nowNanos + wait.toNanos();
        return wait;
    }

    void succeeded() {
        failures = 0;
    }
}
