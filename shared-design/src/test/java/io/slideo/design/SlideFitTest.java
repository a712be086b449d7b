package io.slideo.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.SlideLayout;
import io.slideo.model.theme.Theme;

class SlideFitTest {
    private static final Theme THEME = new Theme("t", "T", "", "#ffffff", "#000000", "#000000", "#0000ff",
            Fonts.SANS, Fonts.SANS);

    @Test
    void widerTextTakesMoreLinesMeasuredWithTheRealFont() {
        var font = Fonts.awt(Fonts.SANS, false, 22);
        assertEquals(1, TextMeasure.lines("Short bullet", font, 800));
        assertTrue(TextMeasure.lines("word ".repeat(60), font, 800) >= 4);
        assertTrue(TextMeasure.width("WWWW", font) > TextMeasure.width("iiii", font), "proportional widths");
    }

    @Test
    void sixShortBulletsFitAndTwentyLongOnesDoNot() {
        var frame = SlideGeometry.frame(SlideLayout.BULLETS);
        SlideFit.Fit fits = SlideFit.bullets(Collections.nCopies(6, "Trace trees record hot loops"), THEME, frame.body(), 1);
        SlideFit.Fit overflows = SlideFit.bullets(Collections.nCopies(20,
                "Trace trees record the hot loops of a program and compile them to native code quickly"), THEME,
                frame.body(), 1);

        assertTrue(fits.fits(), "fill " + fits.fill());
        assertFalse(overflows.fits(), "fill " + overflows.fill());
    }

    @Test
    void aLongTitleOverflowsItsBar() {
        var frame = SlideGeometry.frame(SlideLayout.BULLETS);
        assertTrue(SlideFit.title("Results", THEME, frame).fits());
        assertFalse(SlideFit.title("A very long title ".repeat(8), THEME, frame).fits());
    }

    @Test
    void tablesAreMeasuredRowByRow() {
        var box = SlideGeometry.frame(SlideLayout.TABLE).body();
        assertTrue(SlideFit.table(List.of(List.of("Year", "Revenue"), List.of("2024", "12 M")), THEME, box).fits());
        assertFalse(SlideFit.table(Collections.nCopies(40, List.of("a row", "of cells")), THEME, box).fits());
    }

    @Test
    void unknownFamiliesFallBackToLiberationSans() {
        assertEquals(Fonts.SANS, Fonts.family("Comic Sans MS"));
        assertTrue(Fonts.bytes("Liberation Serif", true).length > 100_000);
    }
}
