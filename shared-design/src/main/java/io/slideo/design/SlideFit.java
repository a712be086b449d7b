package io.slideo.design;

import java.awt.Font;
import java.util.List;

import io.slideo.model.deck.Chart;
import io.slideo.model.theme.Theme;

/**
 * Whether a slide's text fits its boxes, measured with the theme's fonts. The spacing rules here are
 * the renderers' rules too: bullets indented by 1.2 em with 0.5 em after each, line height
 * {@code size x lineSpacing}; table cells at 0.75 of the body size with 6 pt padding.
 */
public final class SlideFit {
    public static final float BULLET_INDENT_EM = 1.2f;
    public static final float BULLET_GAP_EM = 0.5f;
    public static final float TABLE_SCALE = 0.75f;
    public static final float CELL_PADDING = 6f;

    /** {@code fill} is the height used over the height available (above 1 means overflow). */
    public record Fit(boolean fits, double fill, int lines) {
    }

    private SlideFit() {
    }

    public static Fit title(String title, Theme theme, SlideGeometry.Frame frame) {
        float size = theme.titleFontSize() * frame.titleScale();
        Font font = Fonts.awt(theme.headingFont(), true, size);
        int lines = TextMeasure.lines(title, font, frame.title().width());
        float height = lines * size * (float) theme.lineSpacing();
        return fit(height, frame.title().height(), lines);
    }

    public static Fit bullets(List<String> bullets, Theme theme, Box box, float scale) {
        float size = theme.bodyFontSize() * scale;
        Font font = Fonts.awt(theme.bodyFont(), false, size);
        float textWidth = box.width() - BULLET_INDENT_EM * size;
        float height = 0;
        int lines = 0;
        for (String bullet : bullets) {
            int n = TextMeasure.lines(bullet, font, textWidth);
            lines += n;
            height += n * size * (float) theme.lineSpacing() + BULLET_GAP_EM * size;
        }
        return fit(height, box.height(), lines);
    }

    /** One paragraph (a quote, a subtitle) without bullet indent. */
    public static Fit paragraph(String text, Theme theme, Box box, float scale, boolean bold) {
        float size = theme.bodyFontSize() * scale;
        Font font = Fonts.awt(theme.bodyFont(), bold, size);
        int lines = TextMeasure.lines(text, font, box.width());
        return fit(lines * size * (float) theme.lineSpacing(), box.height(), lines);
    }

    /** Equal columns; each row as tall as its tallest cell. */
    public static Fit table(List<List<String>> rows, Theme theme, Box box) {
        if (rows.isEmpty()) {
            return new Fit(true, 0, 0);
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        float size = theme.bodyFontSize() * TABLE_SCALE;
        float cellWidth = box.width() / columns - 2 * CELL_PADDING;
        float height = 0;
        int lines = 0;
        for (int r = 0; r < rows.size(); r++) {
            Font font = Fonts.awt(theme.bodyFont(), r == 0, size);
            int tallest = 1;
            for (String cell : rows.get(r)) {
                tallest = Math.max(tallest, TextMeasure.lines(cell, font, cellWidth));
            }
            lines += tallest;
            height += tallest * size * (float) theme.lineSpacing() + 2 * CELL_PADDING;
        }
        return fit(height, box.height(), lines);
    }

    /** A chart's labels: 0.85 of a table cell's size, 11 pt at least. */
    public static float chartLabelSize(Theme theme) {
        return Math.max(11, theme.bodyFontSize() * TABLE_SCALE * 0.85f);
    }

    /**
     * A chart is drawn to its box; what can run out of room is its words: a bar chart's category rows
     * (a line each), a column chart's names (two lines under each column), a pie's legend rows, and the
     * legend of series along the top.
     */
    public static Fit chart(Chart chart, Theme theme, Box box) {
        float size = chartLabelSize(theme);
        float line = size * 1.25f;
        Font font = Fonts.awt(theme.bodyFont(), false, size);
        int n = Math.max(1, chart.categories().size());
        float legend = 0;
        for (Chart.Series series : chart.series()) {
            legend += line * 0.8f + TextMeasure.width(series.name(), font) + 18;
        }
        double legendFill = chart.series().size() > 1 ? legend / box.width() : 0;
        Fit labels = switch (chart.kind()) {
            case BAR -> fit(n * line, box.height() - 3 * line, n);
            case PIE -> fit(n * (line + 6), box.height(), n);
            case COLUMN -> {
                int lines = chart.categories().stream().mapToInt(c -> TextMeasure.lines(c, font, box.width() * 0.9f / n))
                        .max().orElse(1);
                yield fit(lines * line, 2 * line, lines);
            }
            // A line's names are thinned to every k-th where they would touch: they always fit.
            case LINE -> fit(line, 2 * line, 1);
        };
        return legendFill > labels.fill() ? new Fit(legendFill <= 1, legendFill, 1) : labels;
    }

    private static Fit fit(float height, float available, int lines) {
        double fill = available <= 0 ? Double.MAX_VALUE : height / available;
        return new Fit(fill <= 1.0, fill, lines);
    }
}
