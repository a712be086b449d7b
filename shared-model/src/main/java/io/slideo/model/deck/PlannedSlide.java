package io.slideo.model.deck;

import java.util.List;

/** One slide of a content plan: what it will say, before it is written; {@code figure} is shown on an IMAGE slide. */
public record PlannedSlide(
        int index,
        String title,
        SlideLayout layout,
        List<String> keyPoints,
        List<SourceRef> sources,
        SlideFigure figure) {

    public PlannedSlide {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public PlannedSlide(int index, String title, SlideLayout layout, List<String> keyPoints, List<SourceRef> sources) {
        this(index, title, layout, keyPoints, sources, null);
    }
}
