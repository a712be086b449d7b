package io.slideo.model.event;

import java.util.List;

import io.slideo.model.deck.PlannedSlide;

/** A worker drafted the outline of a requested plan. */
public record PlanDrafted(
        String planId,
        String requestId,
        String title,
        List<PlannedSlide> slides,
        String generator) {
}
