package io.slideo.model.event;

import java.util.List;

/** A user asked for a content plan over some of their documents; {@code model} as in GenerationRequested. */
public record PlanRequested(
        String planId,
        String requestId,
        String description,
        int slideCount,
        List<String> documentIds,
        String themeId,
        boolean research,
        String model) {

    public PlanRequested(String planId, String requestId, String description, int slideCount, List<String> documentIds,
            String themeId, boolean research) {
        this(planId, requestId, description, slideCount, documentIds, themeId, research, null);
    }
}
