package io.slideo.content.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.slideo.content.api.PlanEdit;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/**
 * Checks an edited slide list and numbers it; every problem names the field it is in and its limit.
 * Every text is bounded after control characters are removed (line breaks and tabs become spaces),
 * so an edit stays far below the size of event Kafka takes.
 */
public final class PlanEdits {
    public static final int MAX_SLIDES = 40;
    public static final int MAX_TITLE = 120;
    public static final int MAX_KEY_POINTS = 12;
    public static final int MAX_KEY_POINT = 400;
    public static final int MAX_SOURCES = 30;
    public static final int MAX_LOCATION = 120;
    public static final int MAX_THEME_ID = 100;
    // A reply naming hundreds of problems helps nobody; the first few show what to fix.
    private static final int PROBLEMS_SHOWN = 10;

    private PlanEdits() {
    }

    /**
     * The edited slides with the figures the plan showed: an edit names no figure, so an IMAGE slide keeps
     * the one of the slide it was (the same title, else the same place); one with none is written as bullets.
     */
    public static List<PlannedSlide> keepFigures(List<PlannedSlide> edited, List<PlannedSlide> before) {
        List<PlannedSlide> kept = new ArrayList<>();
        for (PlannedSlide slide : edited) {
            SlideFigure figure = slide.layout() != SlideLayout.IMAGE ? null : before.stream()
                    .filter(b -> b.figure() != null && b.title().equalsIgnoreCase(slide.title())).findFirst()
                    .or(() -> before.stream().filter(b -> b.figure() != null && b.index() == slide.index()).findFirst())
                    .map(PlannedSlide::figure).orElse(null);
            kept.add(new PlannedSlide(slide.index(), slide.title(), slide.layout(), slide.keyPoints(), slide.sources(),
                    figure));
        }
        return kept;
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
                problems.add(at + ".title must be 1 to " + MAX_TITLE + " characters (control characters are removed)");
            }
            SlideLayout layout = layout(slide.layout());
            if (layout == null) {
                String given = singleLine(slide.layout());
                problems.add(at + ".layout must be one of " + Arrays.toString(SlideLayout.values())
                        + (given == null ? "" : ", not '" + (given.length() > 40 ? given.substring(0, 40) + "…" : given) + "'"));
            }
            List<String> keyPoints = keyPoints(slide.keyPoints(), at, problems);
            List<SourceRef> sources = sources(slide.sources(), documentIds, at, problems);
            if (title != null && layout != null) {
                planned.add(new PlannedSlide(i, title, layout, keyPoints, sources));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(summary(problems));
        }
        return planned;
    }

    /** A theme id the edit names, cleaned; null when the edit keeps the plan's theme. */
    public static String themeId(PlanEdit edit) {
        String themeId = singleLine(edit.themeId());
        if (themeId == null || themeId.isEmpty()) {
            return null;
        }
        if (themeId.length() > MAX_THEME_ID) {
            throw invalid("themeId must be at most " + MAX_THEME_ID + " characters, not " + themeId.length());
        }
        return themeId;
    }

    /**
     * A text as one line: control characters removed, line breaks and other white space runs made one
     * space, the ends stripped. Null stays null.
     */
    public static String singleLine(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.replaceAll("[\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]", " ")
                .replaceAll("\\p{Cc}", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** A text of several lines (a description): control characters but line breaks and tabs removed. */
    public static String multiLine(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    }

    private static List<String> keyPoints(List<String> raw, String at, List<String> problems) {
        List<String> given = raw == null ? List.of() : raw;
        if (given.size() > MAX_KEY_POINTS) {
            problems.add(at + ".keyPoints must list at most " + MAX_KEY_POINTS + " points, not " + given.size());
            return List.of();
        }
        List<String> points = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            String point = singleLine(given.get(k));
            if (point == null || point.isEmpty() || point.length() > MAX_KEY_POINT) {
                problems.add(at + ".keyPoints[" + k + "] must be 1 to " + MAX_KEY_POINT
                        + " characters (control characters are removed)");
            } else {
                points.add(point);
            }
        }
        return points;
    }

    private static List<SourceRef> sources(List<SourceRef> raw, List<String> documentIds, String at,
            List<String> problems) {
        List<SourceRef> given = raw == null ? List.of() : raw;
        if (given.size() > MAX_SOURCES) {
            problems.add(at + ".sources must list at most " + MAX_SOURCES + " sources, not " + given.size());
            return List.of();
        }
        List<SourceRef> sources = new ArrayList<>();
        for (int s = 0; s < given.size(); s++) {
            SourceRef source = given.get(s);
            String field = at + ".sources[" + s + "]";
            String location = source == null ? null : singleLine(source.location());
            if (source == null || !documentIds.contains(source.documentId())) {
                problems.add(field + ".documentId must be one of the plan's documents");
            } else if (source.page() != null && source.page() < 1) {
                problems.add(field + ".page must be 1 or more");
            } else if (location != null && location.length() > MAX_LOCATION) {
                problems.add(field + ".location must be at most " + MAX_LOCATION + " characters");
            } else {
                sources.add(new SourceRef(source.documentId(), source.page(),
                        location == null || location.isEmpty() ? null : location));
            }
        }
        return sources;
    }

    private static String summary(List<String> problems) {
        if (problems.size() <= PROBLEMS_SHOWN) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, PROBLEMS_SHOWN)) + "; and " + (problems.size() - PROBLEMS_SHOWN)
                + " more problems like these";
    }

    /** An edited deck title, or null when the edit keeps the old one. */
    public static String deckTitle(PlanEdit edit) {
        if (edit.title() == null) {
            return null;
        }
        String title = title(edit.title());
        if (title == null) {
            throw invalid("title must be 1 to " + MAX_TITLE + " characters (control characters are removed)");
        }
        return title;
    }

    private static String title(String raw) {
        String title = singleLine(raw);
        return title == null || title.isEmpty() || title.length() > MAX_TITLE ? null : title;
    }

    private static SlideLayout layout(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return SlideLayout.valueOf(singleLine(raw).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SlideoException invalid(String message) {
        return new SlideoException(ErrorCode.INVALID_FIELD, message);
    }
}
