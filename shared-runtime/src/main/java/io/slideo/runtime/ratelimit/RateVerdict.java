package io.slideo.runtime.ratelimit;

import java.time.Duration;

/** Whether to serve a request or message, and if not, how long until the budget that refused it has a token again. */
public record RateVerdict(boolean allowed, Duration retryAfter) {
    public static final RateVerdict ALLOWED = new RateVerdict(true, Duration.ZERO);

    static RateVerdict refused(long nanosToWait) {
        return new RateVerdict(false, Duration.ofNanos(Math.max(1, nanosToWait)));
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Milliseconds, rounded up, for a WebSocket message's error. */
    public long retryAfterMillis() {
        return Math.max(1, (retryAfter.toNanos() + 999_999) / 1_000_000);
    }

    /** The stricter of two verdicts: refused if either is, waiting for the later refill. */
    RateVerdict and(RateVerdict other) {
        if (allowed && other.allowed) {
            return ALLOWED;
        }
        return new RateVerdict(false, retryAfter.compareTo(other.retryAfter) >= 0 ? retryAfter : other.retryAfter);
    }
}
