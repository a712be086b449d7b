package io.slideo.content.api;

import java.time.Instant;
import java.util.List;

import io.slideo.content.domain.Plan;
import io.slideo.content.service.PlanService;
import io.slideo.model.deck.PlannedSlide;

/** A plan as its owner sees it; {@code deckId} names the deck it defines; {@code failure} says why a failed one failed. */
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
        Instant updatedAt,
        Failure failure) {

    /** Why a failed plan failed, as its user was told; null unless the plan failed. */
    public record Failure(String code, String message) {
    }

    static PlanView of(Plan p) {
        return new PlanView(p.id.toString(), p.id.toString(), p.status.name().toLowerCase(), p.title, p.description,
                p.slideCount, p.themeId, PlanService.documentIds(p), p.research, PlanService.slides(p), p.generator,
                p.revision, p.createdAt, p.updatedAt,
                p.failureCode == null ? null : new Failure(p.failureCode, p.failureMessage));
    }
}
