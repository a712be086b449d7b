package io.slideo.model.event;

import java.util.List;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.theme.Theme;

/**
 * Write these slides of a deck; {@code generationId} names this run so its results are idempotent.
 * {@code model} optionally names the model to write with (from the deployment's allow-list).
 */
public record GenerationRequested(
        String deckId,
        String generationId,
        String requestId,
        String title,
        Theme theme,
        List<String> documentIds,
        List<PlannedSlide> slides,
        String instructions,
        String model) {

    public GenerationRequested(String deckId, String generationId, String requestId, String title, Theme theme,
            List<String> documentIds, List<PlannedSlide> slides, String instructions) {
        this(deckId, generationId, requestId, title, theme, documentIds, slides, instructions, null);
    }
}
