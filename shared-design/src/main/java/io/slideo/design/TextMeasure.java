package io.slideo.design;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.text.AttributedString;

/**
 * How many lines a text takes in a width, with the font's real advance widths and line breaking at
 * word boundaries (the renderers break lines the same way).
 */
public final class TextMeasure {
    // Fractional metrics, no hinting: advances as the font defines them, like browsers and PDF viewers.
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private TextMeasure() {
    }

    public static int lines(String text, Font font, float width) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        AttributedString attributed = new AttributedString(text);
        attributed.addAttribute(TextAttribute.FONT, font);
        LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), CONTEXT);
        int lines = 0;
        while (measurer.getPosition() < text.length()) {
            int before = measurer.getPosition();
            measurer.nextLayout(width);
            if (measurer.getPosition() == before) {
                break; // cannot place even one character: the caller sees a huge line count anyway
            }
            lines++;
        }
        return lines;
    }

    /** Width of one line of text, in points. */
    public static float width(String text, Font font) {
        return (float) font.getStringBounds(text, CONTEXT).getWidth();
    }
}
