package io.slideo.model.event;

import java.util.List;

/** A user asked for a content plan over some of their documents. */
public record PlanRequested(
        String planId,
        String requestId,
        String description,
        int slideCount,
        List<String> documentIds,
        String themeId,
        boolean research) {
}
