package io.slideo.content.api;

import java.util.List;

import io.slideo.model.deck.SourceRef;

/**
 * A user's edit of a drafted plan: the whole slide list in its new order (slides may be renamed,
 * dropped or added), optionally a new title or theme. {@code revision}, when given, must be the
 * plan's current revision, so that an edit made on a stale copy is refused rather than lost.
 */
public record PlanEdit(String title, String themeId, Integer revision, List<Slide> slides) {

    /** One slide of the edited plan; key points and sources are optional. */
    public record Slide(String title, String layout, List<String> keyPoints, List<SourceRef> sources) {
    }
}
