package io.slideo.websocket.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators watch: open sockets; messages in and out by type; how long a notification took
 * from its publication ({@code occurredAt}) to its socket; resumes and what they replayed; and
 * everything refused, dropped or closed, by reason. Tag values come from small fixed sets.
 */
@ApplicationScoped
public class LiveMetrics {
    static final String INVALID = "invalid";
    static final String BINARY = "binary";
    static final String RATE_LIMITED = "rate_limited";

    private final MeterRegistry registry;
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<String, Counter> drops = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Map<String, Counter> closes = new ConcurrentHashMap<>();
    private final Map<String, Counter> resumes = new ConcurrentHashMap<>();
    private final Counter replayed;
    private final Counter journaled;
    private final Counter gapsFilled;
    private final Timer deliveryLatency;

    LiveMetrics(MeterRegistry registry, ConnectionRegistry connections) {
        this.registry = registry;
        // Held strongly: Micrometer keeps a gauge's object weakly, and the injected proxy is not otherwise
        // referenced here, so a garbage collection made the gauge vanish from /q/metrics.
        Gauge.builder("slideo.websocket.connections.open", connections, ConnectionRegistry::openCount)
                .strongReference(true)
                .description("WebSocket connections open on this instance")
                .register(registry);
        this.replayed = Counter.builder("slideo.websocket.resume.replayed")
                .description("Notifications sent again by resumes").register(registry);
        this.journaled = Counter.builder("slideo.websocket.journal.appended")
                .description("Notifications this instance numbered first").register(registry);
        this.gapsFilled = Counter.builder("slideo.websocket.gaps.filled")
                .description("Notifications live delivery missed (Redis or Kafka away) sent from the journal").register(registry);
        this.deliveryLatency = Timer.builder("slideo.websocket.delivery.latency")
                .description("From a notification's publication (occurredAt) to its write on a socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    public void received(String type) {
        count(in, "slideo.websocket.messages.in", "type", type);
    }

    public void sent(String type) {
        count(out, "slideo.websocket.messages.out", "type", type);
    }

    /** A notification not written to a socket: {@code slow_client}, {@code behind}, {@code held_overflow}. */
    public void dropped(String reason) {
        count(drops, "slideo.websocket.notifications.dropped", "reason", reason);
    }

    /** A connection refused at its opening: {@code instance_limit}, {@code user_limit}, {@code draining}, {@code sessions_down}. */
    public void refused(String reason) {
        count(refusals, "slideo.websocket.connections.refused", "reason", reason);
    }

    /** A connection the server closed: {@code idle}, {@code token_expired}, {@code shutdown}. */
    public void closed(String reason) {
        count(closes, "slideo.websocket.connections.closed", "reason", reason);
    }

    /** A resume: {@code replayed}, {@code current} (nothing missed) or {@code resync} (past the retention). */
    public void resumed(String outcome) {
        count(resumes, "slideo.websocket.resumes", "outcome", outcome);
    }

    public void replayed(int count) {
        replayed.increment(count);
    }

    public void gapFilled(int count) {
        gapsFilled.increment(count);
    }

    public void journaled() {
        journaled.increment();
    }

    public void deliveredAfter(long millis) {
        deliveryLatency.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    private void count(Map<String, Counter> counters, String name, String tag, String value) {
        Counter counter = counters.get(value);
        if (counter == null) {
            counter = counters.computeIfAbsent(value, v -> Counter.builder(name).tag(tag, v).register(registry));
        }
        counter.increment();
    }
}
