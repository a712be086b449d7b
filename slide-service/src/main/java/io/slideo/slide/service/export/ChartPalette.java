package io.slideo.slide.service.export;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.slideo.model.theme.Theme;

/**
 * The one place a chart's colours come from: the theme's accent for the first series, then the accent
 * turned round the colour wheel (same strength, so the series look of one deck), the theme's text colour
 * for labels and a faint mix of text into background for the grid.
 */
public final class ChartPalette {
    /** Turns of the hue, spread so that neighbours differ most. */
    private static final float[] TURNS = { 0f, 0.5f, 0.25f, 0.75f, 0.125f, 0.625f, 0.375f, 0.875f };

    private ChartPalette() {
    }

    /** {@code count} series colours (at most eight distinct, then repeated), as #rrggbb. */
    public static List<String> series(Theme theme, int count) {
        Color accent = Color.decode(theme.accentColor());
        float[] hsb = Color.RGBtoHSB(accent.getRed(), accent.getGreen(), accent.getBlue(), null);
        // A grey accent has no hue to turn: give it enough colour to tell series apart.
        float saturation = Math.max(hsb[1], 0.45f);
        float brightness = Math.min(Math.max(hsb[2], 0.45f), 0.85f);
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < Math.max(1, count); i++) {
            float turn = TURNS[i % TURNS.length];
            colours.add(i == 0 ? hex(accent) : hex(Color.getHSBColor((hsb[0] + turn) % 1f, saturation, brightness)));
        }
        return colours;
    }

    public static String grid(Theme theme) {
        return mix(theme.textColor(), theme.backgroundColor(), 0.2f);
    }

    private static String mix(String front, String back, float share) {
        Color a = Color.decode(front);
        Color b = Color.decode(back);
        return hex(new Color(Math.round(a.getRed() * share + b.getRed() * (1 - share)),
                Math.round(a.getGreen() * share + b.getGreen() * (1 - share)),
                Math.round(a.getBlue() * share + b.getBlue() * (1 - share))));
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
