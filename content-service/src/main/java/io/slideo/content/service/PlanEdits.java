package io.slideo.content.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.slideo.content.api.PlanEdit;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/** Checks an edited slide list and numbers it; every problem names the slide it is in. */
public final class PlanEdits {
    public static final int MAX_SLIDES = 40;
    public static final int MAX_TITLE = 120;
    public static final int MAX_KEY_POINTS = 12;
    public static final int MAX_KEY_POINT = 400;
    public static final int MAX_SOURCES = 30;

    private PlanEdits() {
    }

    public static List<PlannedSlide> slides(PlanEdit edit, List<String> documentIds) {
        if (edit == null || edit.slides() == null || edit.slides().isEmpty()) {
            throw invalid("slides must list 1 to " + MAX_SLIDES + " slides");
        }
        if (edit.slides().size() > MAX_SLIDES) {
            throw invalid("slides must list at most " + MAX_SLIDES + " slides, not " + edit.slides().size());
        }
        List<String> problems = new ArrayList<>();
        List<PlannedSlide> planned = new ArrayList<>();
        for (int i = 0; i < edit.slides().size(); i++) {
            PlanEdit.Slide slide = edit.slides().get(i);
            String at = "slides[" + i + "]";
            if (slide == null) {
                problems.add(at + " must be a slide");
                continue;
            }
            String title = title(slide.title());
            if (title == null) {
                problems.add(at + ".title must be 1 to " + MAX_TITLE + " characters");
            }
            SlideLayout layout = layout(slide.layout());
            if (layout == null) {
                problems.add(at + ".layout must be one of " + Arrays.toString(SlideLayout.values()) + ", not '"
                        + slide.layout() + "'");
            }
            List<String> keyPoints = slide.keyPoints() == null ? List.of() : slide.keyPoints();
            if (keyPoints.size() > MAX_KEY_POINTS) {
                problems.add(at + ".keyPoints must list at most " + MAX_KEY_POINTS + " points");
            }
            for (int k = 0; k < keyPoints.size(); k++) {
                String point = keyPoints.get(k);
                if (point == null || point.isBlank() || point.length() > MAX_KEY_POINT) {
                    problems.add(at + ".keyPoints[" + k + "] must be 1 to " + MAX_KEY_POINT + " characters");
                }
            }
            List<SourceRef> sources = slide.sources() == null ? List.of() : slide.sources();
            if (sources.size() > MAX_SOURCES) {
                problems.add(at + ".sources must list at most " + MAX_SOURCES + " sources");
            }
            for (int s = 0; s < sources.size(); s++) {
                SourceRef source = sources.get(s);
                if (source == null || !documentIds.contains(source.documentId())) {
                    problems.add(at + ".sources[" + s + "].documentId must be one of the plan's documents");
                } else if (source.page() != null && source.page() < 1) {
                    problems.add(at + ".sources[" + s + "].page must be 1 or more");
                }
            }
            if (title != null && layout != null) {
                planned.add(new PlannedSlide(i, title, layout, keyPoints.stream().map(String::strip).toList(), sources));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        return planned;
    }

    /** An edited deck title, or null when the edit keeps the old one. */
    public static String deckTitle(PlanEdit edit) {
        if (edit.title() == null) {
            return null;
        }
        String title = title(edit.title());
        if (title == null) {
            throw invalid("title must be 1 to " + MAX_TITLE + " characters");
        }
        return title;
    }

    private static String title(String raw) {
        if (raw == null) {
            return null;
        }
        String title = raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return title.isEmpty() || title.length() > MAX_TITLE ? null : title;
    }

    private static SlideLayout layout(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return SlideLayout.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SlideoException invalid(String message) {
        return new SlideoException(ErrorCode.INVALID_FIELD, message);
    }
}
