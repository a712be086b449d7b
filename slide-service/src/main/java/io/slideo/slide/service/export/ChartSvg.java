package io.slideo.slide.service.export;

import static io.slideo.slide.service.export.HtmlRenderer.escape;
import static io.slideo.slide.service.export.HtmlRenderer.pt;

import java.awt.Font;
import java.util.List;
import java.util.Locale;

import io.slideo.design.Fonts;
import io.slideo.design.TextMeasure;
import io.slideo.model.deck.Chart;
import io.slideo.slide.service.export.Composition.Plot;

/**
 * A chart as HTML: its marks (bars, lines and points, pie slices; one mark per value) in an inline SVG,
 * its words (axis ticks, categories, legend, values) as positioned text over it, so that both Chromium
 * and the PDF renderer set them in the deck's own fonts, with its fallbacks, as selectable text.
 */
final class ChartSvg {
    private final Plot plot;
    private final Chart chart;
    private final Font font;
    private final float size;
    private final float line;
    private final String chain;
    private final Locale locale;
    private final StringBuilder marks = new StringBuilder();
    private final StringBuilder words = new StringBuilder();

    private ChartSvg(Plot plot, String chain, Locale locale) {
        this.plot = plot;
        this.chart = plot.chart();
        this.size = plot.face().size();
        this.font = Fonts.awt(plot.face().family(), false, size);
        this.line = size * 1.25f;
        this.chain = chain;
        this.locale = locale;
    }

    /** {@code locale}: the deck's language, whose marks the numbers are written with ("12,5" in a Russian deck). */
    static void append(StringBuilder html, Plot plot, String chain, Locale locale) {
        ChartSvg svg = new ChartSvg(plot, chain, locale);
        svg.draw();
        float w = plot.box().width();
        float h = plot.box().height();
        html.append("<div class=\"frame ").append(plot.role()).append(" chart ").append(plot.chart().kind().name().toLowerCase(Locale.ROOT))
                .append("\" style=\"left: ").append(pt(plot.box().x())).append("; top: ").append(pt(plot.box().y()))
                .append("; width: ").append(pt(w)).append("; height: ").append(pt(h)).append("; font-family: ")
                .append(HtmlRenderer.cssFamily(plot.face().family())).append(chain).append("; font-size: ").append(pt(svg.size))
                .append("; line-height: ").append(pt(svg.line)).append("; color: ").append(plot.textColour()).append(";\">")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(num(w)).append("pt\" height=\"")
                .append(num(h)).append("pt\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(h))
                .append("\" style=\"position: absolute; left: 0; top: 0; width: ").append(pt(w)).append("; height: ").append(pt(h))
                .append(";\">").append(svg.marks).append("</svg>").append(svg.words).append("</div>\n");
    }

    private void draw() {
        float w = plot.box().width();
        float h = plot.box().height();
        float top = 0;
        if (chart.kind() == Chart.Kind.PIE) {
            pie(w, h);
            return;
        }
        if (chart.series().size() > 1) {
            legend(0, top, w);
            top += line + 6;
        }
        if (!chart.valueTitle().isEmpty()) {
            label(chart.valueTitle(), 0, top, w, "left", false);
            top += line + 4;
        }
        ChartScale scale = ChartScale.of(chart.range());
        if (chart.kind() == Chart.Kind.BAR) {
            bars(scale, top, w, h);
        } else {
            columnsOrLine(scale, top, w, h);
        }
    }

    private void columnsOrLine(ChartScale scale, float top, float w, float h) {
        float left = scale.ticks().stream().map(t -> TextMeasure.width(format(t, chart.unit()), font))
                .max(Float::compare).orElse(0f) + 8;
        boolean column = chart.kind() == Chart.Kind.COLUMN;
        float bottom = (column ? 2 : 1) * line + 6 + (plot.categoryTitle().isEmpty() ? 0 : line + 2);
        float plotW = w - left - 4;
        float plotH = h - top - bottom - line / 2;
        float y0 = top + line / 2;
        for (double t : scale.ticks()) {
            float y = y0 + plotH * (1 - (float) scale.share(t));
            marks.append(lineTo(left, y, left + plotW, y, plot.gridColour(), t == 0 ? 1.2f : 0.6f));
            label(format(t, chart.unit()), 0, y - line / 2, left - 6, "right", false);
        }
        int n = chart.categories().size();
        float slot = plotW / n;
        float widest = chart.categories().stream().map(c -> TextMeasure.width(c, font)).max(Float::compare).orElse(0f);
        int step = column ? 1 : Math.max(1, (int) Math.ceil((widest + 8) / slot));
        float labelsTop = y0 + plotH + 4;
        for (int i = 0; i < n; i += step) {
            float cx = left + slot * (i + 0.5f);
            float width = column ? slot : Math.max(slot * step, widest + 8);
            label(chart.categories().get(i), cx - width / 2, labelsTop, width, "center", !column);
        }
        if (!plot.categoryTitle().isEmpty()) {
            label(plot.categoryTitle(), left, labelsTop + (column ? 2 : 1) * line + 2, plotW, "center", true);
        }
        float zero = y0 + plotH * (1 - (float) scale.share(0));
        int series = chart.series().size();
        boolean valueLabels = series == 1 && n <= 12;
        for (int s = 0; s < series; s++) {
            Chart.Series data = chart.series().get(s);
            String colour = plot.palette().get(s % plot.palette().size());
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Double v = data.values().get(i);
                if (v == null) {
                    continue;
                }
                float y = y0 + plotH * (1 - (float) scale.share(v));
                float cx = left + slot * (i + 0.5f);
                if (column) {
                    float group = slot * 0.72f;
                    float bar = group / series;
                    float x = cx - group / 2 + s * bar;
                    marks.append(rect(x + bar * 0.06f, Math.min(y, zero), bar * 0.88f, Math.abs(zero - y), colour, data.name(), v));
                    String value = format(v, chart.unit());
                    // Each bar its value, where the values fit over their bars.
                    if (n * series <= 16 && TextMeasure.width(value, font) <= bar + 6) {
                        label(value, x + bar / 2 - bar, v >= 0 ? y - line - 1 : y + 1, 2 * bar, "center", true);
                    }
                } else {
                    path.append(path.length() == 0 ? "M" : " L").append(num(cx)).append(' ').append(num(y));
                    marks.append("<circle class=\"mark\" data-series=\"").append(escape(data.name())).append("\" data-value=\"")
                            .append(v).append("\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(y))
                            .append("\" r=\"3.5\" fill=\"").append(colour).append("\" />");
                    if (valueLabels) {
                        label(format(v, chart.unit()), cx - slot / 2, y - line - 3, slot, "center", true);
                    }
                }
            }
            if (!column && path.length() > 0) {
                marks.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\" />");
            }
        }
    }

    private void bars(ChartScale scale, float top, float w, float h) {
        int n = chart.categories().size();
        float bottom = line + 6;
        float plotH = h - top - bottom;
        float slot = plotH / n;
        float rowSize = Math.min(size, slot * 0.8f);
        Font rowFont = font.deriveFont(rowSize);
        float widest = chart.categories().stream().map(c -> TextMeasure.width(c, rowFont)).max(Float::compare).orElse(0f);
        float left = Math.min(w * 0.38f, widest + 10);
        float valueRoom = chart.series().size() == 1
                ? TextMeasure.width(format(chart.range()[1], chart.unit()), font) + 8 : 8;
        float plotW = w - left - valueRoom;
        for (double t : scale.ticks()) {
            float x = left + plotW * (float) scale.share(t);
            marks.append(lineTo(x, top, x, top + plotH, plot.gridColour(), t == 0 ? 1.2f : 0.6f));
            label(format(t, chart.unit()), x - 40, top + plotH + 4, 80, "center", true);
        }
        float zero = left + plotW * (float) scale.share(0);
        int series = chart.series().size();
        for (int i = 0; i < n; i++) {
            float cy = top + slot * (i + 0.5f);
            String category = fitted(chart.categories().get(i), rowFont, left - 8);
            words.append(text(category, 0, cy - rowSize * 0.65f, left - 8, "right", rowSize));
            for (int s = 0; s < series; s++) {
                Double v = chart.series().get(s).values().get(i);
                if (v == null) {
                    continue;
                }
                float group = slot * 0.74f;
                float bar = group / series;
                float y = cy - group / 2 + s * bar;
                float x = left + plotW * (float) scale.share(v);
                marks.append(rect(Math.min(x, zero), y + bar * 0.06f, Math.abs(x - zero), bar * 0.88f,
                        plot.palette().get(s % plot.palette().size()), chart.series().get(s).name(), v));
                if (series == 1) {
                    words.append(text(format(v, chart.unit()), Math.max(x, zero) + 4, cy - rowSize * 0.65f,
                            valueRoom - 4, "left", rowSize));
                }
            }
        }
    }

    private void pie(float w, float h) {
        Chart.Series data = chart.series().get(0);
        double total = data.values().stream().mapToDouble(v -> v == null ? 0 : v).sum();
        float radius = Math.min(h - line - 8, w * 0.45f) / 2;
        float cx = radius + 8;
        float cy = h / 2;
        if (!chart.valueTitle().isEmpty()) {
            label(chart.valueTitle(), 0, 0, w, "left", false);
            cy = Math.max(cy, line + 6 + radius);
        }
        double angle = -Math.PI / 2;
        float legendX = cx + radius + 32;
        float legendY = cy - chart.categories().size() * (line + 6) / 2;
        for (int i = 0; i < chart.categories().size(); i++) {
            double v = data.values().get(i);
            double sweep = total <= 0 ? 0 : 2 * Math.PI * v / total;
            String colour = plot.palette().get(i % plot.palette().size());
            marks.append("<path class=\"mark\" data-series=\"").append(escape(chart.categories().get(i))).append("\" data-value=\"")
                    .append(v).append("\" d=\"M").append(num(cx)).append(' ').append(num(cy)).append(" L")
                    .append(num(cx + radius * (float) Math.cos(angle))).append(' ').append(num(cy + radius * (float) Math.sin(angle)))
                    .append(" A").append(num(radius)).append(' ').append(num(radius)).append(" 0 ").append(sweep > Math.PI ? 1 : 0)
                    .append(" 1 ").append(num(cx + radius * (float) Math.cos(angle + sweep))).append(' ')
                    .append(num(cy + radius * (float) Math.sin(angle + sweep))).append(" Z\" fill=\"").append(colour)
                    .append("\" stroke=\"").append(plot.background()).append("\" stroke-width=\"1.5\" />");
            angle += sweep;
            float y = legendY + i * (line + 6);
            marks.append("<rect x=\"").append(num(legendX)).append("\" y=\"").append(num(y + line * 0.15f)).append("\" width=\"")
                    .append(num(line * 0.7f)).append("\" height=\"").append(num(line * 0.7f)).append("\" fill=\"").append(colour).append("\" />");
            String entry = chart.categories().get(i) + "  " + format(v, chart.unit());
            label(fitted(entry, font, w - legendX - line - 4), legendX + line, y, w - legendX - line, "left", true);
        }
    }

    private void legend(float x, float y, float w) {
        float at = x;
        for (int s = 0; s < chart.series().size(); s++) {
            String name = chart.series().get(s).name();
            float width = TextMeasure.width(name, font);
            marks.append("<rect x=\"").append(num(at)).append("\" y=\"").append(num(y + line * 0.2f)).append("\" width=\"")
                    .append(num(line * 0.6f)).append("\" height=\"").append(num(line * 0.6f)).append("\" fill=\"")
                    .append(plot.palette().get(s % plot.palette().size())).append("\" />");
            label(name, at + line * 0.8f, y, Math.min(width + 4, w - at), "left", true);
            at += line * 0.8f + width + 18;
        }
    }

    private String format(Double value, String unit) {
        return ChartScale.format(value, unit, locale);
    }

    private void label(String text, float x, float y, float width, String align, boolean nowrap) {
        words.append(text(text, x, y, width, align, nowrap ? size : -size));
    }

    /** A positioned line of text; a negative size lets it wrap (at the same size). */
    private String text(String text, float x, float y, float width, String align, float sized) {
        // Within the chart's box, where a label near its edge would reach past it.
        float room = plot.box().width();
        float w = Math.max(1, Math.min(width, room));
        float left = Math.max(0, Math.min(x, room - w));
        return "<div class=\"chart-label\" style=\"position: absolute; left: " + pt(left) + "; top: " + pt(y) + "; width: "
                + pt(w) + "; text-align: " + align + ";" + (sized > 0 ? " white-space: nowrap;" : "")
                + " font-size: " + pt(Math.abs(sized)) + "; line-height: " + pt(Math.abs(sized) * 1.25f) + ";\">"
                + escape(text) + "</div>";
    }

    /** A label cut with an ellipsis to the room it has. */
    private static String fitted(String text, Font font, float width) {
        if (TextMeasure.width(text, font) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && TextMeasure.width(cut + "\u2026", font) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "\u2026";
    }

    private static String rect(float x, float y, float w, float h, String colour, String series, double value) {
        return "<rect class=\"mark\" data-series=\"" + escape(series) + "\" data-value=\"" + value + "\" x=\"" + num(x)
                + "\" y=\"" + num(y) + "\" width=\"" + num(Math.max(w, 0.5f)) + "\" height=\"" + num(Math.max(h, 0.5f))
                + "\" fill=\"" + colour + "\" />";
    }

    private static String lineTo(float x1, float y1, float x2, float y2, String colour, float width) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\""
                + colour + "\" stroke-width=\"" + num(width) + "\" />";
    }

    private static String num(float value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
