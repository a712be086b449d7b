package io.slideo.design;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * How many lines a text takes in a width, with the real advance widths of the font that will draw each
 * character (Liberation, or the fallback font for what Liberation lacks: CJK, Arabic, math) and line
 * breaking by Unicode's rules (between words, and between CJK characters), as the renderers break.
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
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled(text, font).getIterator(),
                BreakIterator.getLineInstance(Locale.ROOT), CONTEXT);
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
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return new TextLayout(styled(text, font).getIterator(), CONTEXT).getAdvance();
    }

    /** The text with each run in the font that draws it: {@code font}, or the fallback for what it lacks. */
    static AttributedString styled(String text, Font font) {
        AttributedString attributed = new AttributedString(text);
        attributed.addAttribute(TextAttribute.FONT, font);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (!font.canDisplay(cp) && !Character.isWhitespace(cp)) {
                Font fallback = FallbackFonts.covering(cp, null)
                        .flatMap(f -> FallbackFonts.awt(f, font.getSize2D())).orElse(null);
                if (fallback != null) {
                    attributed.addAttribute(TextAttribute.FONT, fallback, i, end);
                }
            }
            i = end;
        }
        return attributed;
    }
}
