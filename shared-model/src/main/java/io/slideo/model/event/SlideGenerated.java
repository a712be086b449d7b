package io.slideo.model.event;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;

/** One written slide of a generation run. */
public record SlideGenerated(
        String deckId,
        String generationId,
        String requestId,
        int slideIndex,
        int slidesInGeneration,
        String title,
        SlideLayout layout,
        List<Bullet> bullets,
        String notes,
        String generator) {
}
