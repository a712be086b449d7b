package io.slideo.model.event;

/**
 * Who wrote a deck (a model's generator name, or {@code offline}) and the model tokens the deck has
 * spent so far, planning and every generation run included.
 */
public record TokenUsage(String generator, long inputTokens, long outputTokens) {
    /** The offline writer spends no tokens. */
    public static final TokenUsage OFFLINE = new TokenUsage("offline", 0, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
