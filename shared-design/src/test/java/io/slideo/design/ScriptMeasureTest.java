package io.slideo.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The quality gate measures CJK, Arabic and math text with the fallback font that will draw it. */
class ScriptMeasureTest {
    private static final String KANJI = "日本語の文章を測る時は全角の文字幅で数える必要がある";

    @Test
    void japaneseTakesOneEmPerCharacterInTheFontThatDrawsIt() {
        var font = Fonts.awt(Fonts.SANS, false, 20);
        int characters = KANJI.codePointCount(0, KANJI.length());

        assertEquals(characters * 20f, TextMeasure.width(KANJI, font), characters * 20f * 0.02f);
    }

    @Test
    void japaneseWithoutSpacesBreaksBetweenCharactersAtTheWidth() {
        var font = Fonts.awt(Fonts.SANS, false, 20);
        int characters = KANJI.codePointCount(0, KANJI.length());

        // Ten characters a line: the line count is what the characters' full-width advances make it.
        assertEquals((characters + 9) / 10, TextMeasure.lines(KANJI, font, 10 * 20f + 1));
    }

    @Test
    void everyScriptOfTheChainHasAFontThatCoversIt() {
        int[] samples = { 0x3042, 0x6F22, 0xFF76, 0x20B9F, 0xAC00, 0x4E2D, 0x0627, 0xFEDF, 0x05D0, 0x0915, 0x0E01,
                0x1D44E, 0x2200 };
        for (int cp : samples) {
            assertTrue(FallbackFonts.covering(cp, null).isPresent(),
                    "a fallback font covers U+" + Integer.toHexString(cp).toUpperCase());
        }
        assertEquals("ja", FallbackFonts.covering(0x6F22, "ja").orElseThrow().key());
        assertEquals("zh", FallbackFonts.covering(0x6F22, "zh").orElseThrow().key());
    }

    @Test
    void aMathItalicLetterIsMeasuredAsAGlyphNotAsMissing() {
        var font = Fonts.awt(Fonts.SANS, false, 20);
        float italic = TextMeasure.width("\uD835\uDC4E", font); // U+1D44E MATHEMATICAL ITALIC SMALL A
        var math = FallbackFonts.awt(FallbackFonts.covering(0x1D44E, null).orElseThrow(), 20).orElseThrow();

        assertEquals(TextMeasure.width("\uD835\uDC4E", math), italic, 0.01f);
    }
}
