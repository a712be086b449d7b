package io.slideo.content.api;

import java.time.Instant;
import java.util.List;

import io.slideo.content.domain.Plan;
import io.slideo.content.service.PlanService;
import io.slideo.model.deck.PlannedSlide;

/** A plan as its owner sees it; {@code deckId} names the deck it defines. */
public record PlanView(
        String id,
        String deckId,
        String status,
        String title,
        String description,
        int slideCount,
        String themeId,
        List<String> documentIds,
        boolean research,
        List<PlannedSlide> slides,
        String generator,
        int revision,
        Instant createdAt,
        Instant updatedAt) {

    static PlanView of(Plan p) {
        return new PlanView(p.id.toString(), p.id.toString(), p.status.name().toLowerCase(), p.title, p.description,
                p.slideCount, p.themeId, PlanService.documentIds(p), p.research, PlanService.slides(p), p.generator,
                p.revision, p.createdAt, p.updatedAt);
    }
}
