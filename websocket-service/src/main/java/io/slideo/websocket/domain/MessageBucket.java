package io.slideo.websocket.domain;

/**
 * A token bucket for one connection's incoming messages: {@code burst} messages at once, then
 * {@code perSecond} on average. Refills lazily from the clock, so an idle connection costs nothing.
 */
public final class MessageBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public MessageBucket(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if there is one; false means the message is over the limit. */
    public synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, in milliseconds (at least 1). */
    public synchronized long millisUntilNext() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e6));
    }
}
