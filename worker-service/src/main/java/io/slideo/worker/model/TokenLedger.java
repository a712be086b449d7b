package io.slideo.worker.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * What the model path spends, as metrics: per template (calls by outcome, tokens, latency), per user
 * (tokens) and per deck (tokens, summed in Redis across workers and recorded as a distribution when
 * the deck is done, so the metrics carry no unbounded deck tag), and per user per UTC day in Redis, which
 * the daily token quota reads ({@link TokenAllowance}).
 */
@ApplicationScoped
public class TokenLedger {
    private static final Duration DECK_TOTALS_KEPT = Duration.ofDays(30);
    private static final Duration DAY_TOTALS_KEPT = Duration.ofDays(2);

    private final MeterRegistry registry;
    private final HashCommands<String, String, Long> hashes;
    private final KeyCommands<String> keys;
    private final ValueCommands<String, Long> values;

    TokenLedger(MeterRegistry registry, RedisDataSource redis) {
        this.registry = registry;
        this.hashes = redis.hash(Long.class);
        this.keys = redis.key();
        this.values = redis.value(Long.class);
    }

    /** Tokens as a call reports them; {@code cached} answers spent none. */
    public record Tokens(long input, long output) {
        public static final Tokens NONE = new Tokens(0, 0);

        public long total() {
            return input + output;
        }
    }

    /** One call of a template: its outcome (ok, cached, invalid, failed), tokens and how long it took. */
    public void call(String template, String model, String outcome, Tokens tokens, Duration latency, Usage usage) {
        Counter.builder("slideo.prompt.calls").description("Model calls per prompt template, by outcome")
                .tag("template", template).tag("model", model).tag("outcome", outcome).register(registry).increment();
        Timer.builder("slideo.prompt.latency").description("Time of one model call per prompt template")
                .tag("template", template).tag("outcome", outcome).register(registry).record(latency);
        if (tokens.total() == 0) {
            return;
        }
        for (Map.Entry<String, Long> kind : Map.of("input", tokens.input(), "output", tokens.output()).entrySet()) {
            Counter.builder("slideo.prompt.tokens").description("Tokens spent per prompt template")
                    .tag("template", template).tag("model", model).tag("kind", kind.getKey()).register(registry)
                    .increment(kind.getValue());
            if (usage != null && usage.userId() != null) {
                Counter.builder("slideo.user.tokens").description("Tokens spent for each user")
                        .tag("user", usage.userId()).tag("kind", kind.getKey()).register(registry)
                        .increment(kind.getValue());
            }
        }
        if (usage != null && usage.userId() != null) {
            addToDay(usage.userId(), tokens.total());
        }
        if (usage != null && usage.deckId() != null) {
            try {
                String key = deckKey(usage.deckId());
                hashes.hincrby(key, "input", tokens.input());
                hashes.hincrby(key, "output", tokens.output());
                keys.expire(key, DECK_TOTALS_KEPT);
            } catch (RuntimeException e) {
                Log.debugf("Deck token totals unavailable: %s", e.getMessage());
            }
        }
    }

    /** Everything a deck (or plan) spent so far, over every worker that worked on it. */
    public Tokens deck(String deckId) {
        try {
            Map<String, Long> totals = hashes.hgetall(deckKey(deckId));
            return new Tokens(totals.getOrDefault("input", 0L), totals.getOrDefault("output", 0L));
        } catch (RuntimeException e) {
            Log.debugf("Deck token totals unavailable: %s", e.getMessage());
            return Tokens.NONE;
        }
    }

    /** Tokens the user spent today (UTC), over every worker; 0 when Redis cannot say. */
    public long spentToday(String userId) {
        try {
            Long spent = values.get(dayKey(userId));
            return spent == null ? 0 : spent;
        } catch (RuntimeException e) {
            Log.debugf("Daily token totals unavailable: %s", e.getMessage());
            return 0;
        }
    }

    private void addToDay(String userId, long tokens) {
        try {
            String key = dayKey(userId);
            values.incrby(key, tokens);
            keys.expire(key, DAY_TOTALS_KEPT);
        } catch (RuntimeException e) {
            Log.debugf("Daily token totals unavailable: %s", e.getMessage());
        }
    }

    private static String dayKey(String userId) {
        return "slideo:tokens:user:" + userId + ":" + LocalDate.now(ZoneOffset.UTC);
    }

    /** Records a finished deck's total in the per-deck distribution. */
    public Tokens deckFinished(String deckId) {
        Tokens tokens = deck(deckId);
        if (tokens.total() > 0) {
            DistributionSummary.builder("slideo.deck.tokens").description("Tokens spent per written deck")
                    .register(registry).record(tokens.total());
        }
        return tokens;
    }

    private static String deckKey(String deckId) {
        return "slideo:tokens:deck:" + deckId;
    }
}
