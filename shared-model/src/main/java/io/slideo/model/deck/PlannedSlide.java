package io.slideo.model.deck;

import java.util.List;

/** One slide of a content plan: what it will say, before it is written. */
public record PlannedSlide(
        int index,
        String title,
        SlideLayout layout,
        List<String> keyPoints,
        List<SourceRef> sources) {

    public PlannedSlide {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
