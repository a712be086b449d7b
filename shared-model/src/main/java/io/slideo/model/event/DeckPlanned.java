package io.slideo.model.event;

import java.util.List;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.theme.Theme;

/**
 * A plan is ready (or was edited): the deck it defines, with a snapshot of its theme. The deck id
 * is the plan id; {@code revision} grows with every edit so consumers keep the newest.
 */
public record DeckPlanned(
        String deckId,
        String requestId,
        int revision,
        String title,
        String description,
        Theme theme,
        List<String> documentIds,
        List<PlannedSlide> slides) {
}
