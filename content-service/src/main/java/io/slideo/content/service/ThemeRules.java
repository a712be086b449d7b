package io.slideo.content.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.slideo.design.Fonts;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.theme.Theme;

/**
 * What a theme must satisfy, built-in or custom: colours a renderer can use as they are, text a
 * person can read on its background (WCAG AA), fonts Slideo ships (the quality gate measures with
 * them), and sizes that leave room for content.
 */
public final class ThemeRules {
    public static final double TEXT_CONTRAST = 4.5;
    // Decoration (rules, bands, quote marks) is a graphical object: WCAG 1.4.11 asks 3:1.
    public static final double ACCENT_CONTRAST = 3.0;
    public static final int MIN_TITLE_SIZE = 24;
    public static final int MAX_TITLE_SIZE = 60;
    public static final int MIN_BODY_SIZE = 14;
    public static final int MAX_BODY_SIZE = 32;
    // Below this the fonts' own ascent and descent (up to 1.13 em) would reach past their lines.
    public static final double MIN_LINE_SPACING = 1.15;
    public static final double MAX_LINE_SPACING = 2.0;
    public static final Set<String> STYLES = Set.of("band", "rule", "plain");
    public static final List<String> FAMILIES = List.of(Fonts.SANS, Fonts.SERIF, Fonts.MONO);

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private ThemeRules() {
    }

    /** Every problem of the theme at once, so a user fixes them in one go; empty when it is fine. */
    public static List<String> problems(Theme theme) {
        List<String> problems = new ArrayList<>();
        if (theme.name() == null || theme.name().isBlank() || theme.name().length() > 60) {
            problems.add("name must be 1 to 60 characters");
        }
        if (theme.description() != null && theme.description().length() > 300) {
            problems.add("description must be at most 300 characters");
        }
        boolean coloursOk = colour("backgroundColor", theme.backgroundColor(), problems)
                & colour("textColor", theme.textColor(), problems)
                & colour("titleColor", theme.titleColor(), problems)
                & colour("accentColor", theme.accentColor(), problems);
        if (coloursOk) {
            contrast("textColor", theme.textColor(), theme.backgroundColor(), TEXT_CONTRAST, problems);
            contrast("titleColor", theme.titleColor(), theme.backgroundColor(), TEXT_CONTRAST, problems);
            contrast("accentColor", theme.accentColor(), theme.backgroundColor(), ACCENT_CONTRAST, problems);
        }
        font("headingFont", theme.headingFont(), problems);
        font("bodyFont", theme.bodyFont(), problems);
        range("titleFontSize", theme.titleFontSize(), MIN_TITLE_SIZE, MAX_TITLE_SIZE, problems);
        range("bodyFontSize", theme.bodyFontSize(), MIN_BODY_SIZE, MAX_BODY_SIZE, problems);
        if (theme.titleFontSize() < theme.bodyFontSize()) {
            problems.add("titleFontSize (" + theme.titleFontSize() + ") must not be smaller than bodyFontSize ("
                    + theme.bodyFontSize() + ")");
        }
        if (theme.lineSpacing() < MIN_LINE_SPACING || theme.lineSpacing() > MAX_LINE_SPACING) {
            problems.add("lineSpacing must be between " + MIN_LINE_SPACING + " and " + MAX_LINE_SPACING + ", not "
                    + theme.lineSpacing());
        }
        if (!STYLES.contains(theme.style())) {
            problems.add("style must be one of band, rule, plain, not '" + theme.style() + "'");
        }
        return problems;
    }

    public static void check(Theme theme) {
        List<String> problems = problems(theme);
        if (!problems.isEmpty()) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, String.join("; ", problems));
        }
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours, from 1 (same) to 21 (black on white). */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static boolean colour(String field, String value, List<String> problems) {
        if (value == null || !COLOUR.matcher(value).matches()) {
            problems.add(field + " must be a colour written #rrggbb (like #1f2933), not '" + value + "'");
            return false;
        }
        return true;
    }

    private static void contrast(String field, String colour, String background, double needed, List<String> problems) {
        double ratio = contrast(colour, background);
        if (ratio < needed) {
            problems.add(String.format(Locale.ROOT,
                    "%s %s on backgroundColor %s has a contrast ratio of %.2f; at least %.1f is needed to be read",
                    field, colour, background, ratio, needed));
        }
    }

    private static void font(String field, String family, List<String> problems) {
        if (!Fonts.known(family)) {
            problems.add(field + " must be one of " + String.join(", ", FAMILIES) + ", not '" + family + "'");
        }
    }

    private static void range(String field, int value, int min, int max, List<String> problems) {
        if (value < min || value > max) {
            problems.add(field + " must be between " + min + " and " + max + " points, not " + value);
        }
    }
}
