package io.slideo.content.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.content.api.PlanEdit;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

class PlanEditsTest {
    private static final List<String> DOCUMENTS = List.of("doc-1");

    @Test
    void theIssuesEditOfControlCharactersIsRefusedNamingTheFieldAndItsLimit() {
        String controls = "\u0001".repeat(400);
        PlanEdit.Slide slide = new PlanEdit.Slide("Slide", "BULLETS", Collections.nCopies(12, controls), List.of());
        PlanEdit edit = new PlanEdit(null, null, null, Collections.nCopies(40, slide));

        SlideoException refused = assertThrows(SlideoException.class, () -> PlanEdits.slides(edit, DOCUMENTS));

        assertEquals(ErrorCode.INVALID_FIELD, refused.code());
        assertTrue(refused.getMessage().startsWith("slides[0].keyPoints[0] must be 1 to 400 characters"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("and 470 more problems like these"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 2000, "a readable message, not 480 problems");
    }

    @Test
    void controlCharactersAreRemovedAndLineBreaksBecomeSpaces() {
        PlanEdit.Slide slide = new PlanEdit.Slide(" Re\u0000venue\r\ngrew ", " bullets\u0007",
                List.of("Up\t12%\u001b[31m", "\u200Bkept as written"), List.of(new SourceRef("doc-1", 3, "§ 2\u0000 Risk")));

        PlannedSlide planned = PlanEdits.slides(new PlanEdit(null, null, null, List.of(slide)), DOCUMENTS).get(0);

        assertEquals("Revenue grew", planned.title());
        assertEquals(List.of("Up 12%[31m", "\u200Bkept as written"), planned.keyPoints());
        assertEquals(List.of(new SourceRef("doc-1", 3, "§ 2 Risk")), planned.sources());
    }

    @Test
    void everyListAndTextHasALimitThatTheMessageNames() {
        PlanEdit.Slide tooManyPoints = new PlanEdit.Slide("T", "BULLETS", Collections.nCopies(13, "p"), List.of());
        PlanEdit.Slide longPoint = new PlanEdit.Slide("T", "BULLETS", List.of("p".repeat(401)), List.of());
        PlanEdit.Slide tooManySources = new PlanEdit.Slide("T", "BULLETS", List.of(),
                Collections.nCopies(31, new SourceRef("doc-1", 1)));
        PlanEdit.Slide longLocation = new PlanEdit.Slide("T", "BULLETS", List.of(),
                List.of(new SourceRef("doc-1", null, "§".repeat(121))));

        String message = assertThrows(SlideoException.class, () -> PlanEdits.slides(new PlanEdit(null, null, null,
                List.of(tooManyPoints, longPoint, tooManySources, longLocation)), DOCUMENTS)).getMessage();

        assertEquals("slides[0].keyPoints must list at most 12 points, not 13; "
                + "slides[1].keyPoints[0] must be 1 to 400 characters (control characters are removed); "
                + "slides[2].sources must list at most 30 sources, not 31; "
                + "slides[3].sources[0].location must be at most 120 characters", message);
        assertThrows(SlideoException.class,
                () -> PlanEdits.themeId(new PlanEdit(null, "t".repeat(101), null, List.of())));
        assertThrows(SlideoException.class,
                () -> PlanEdits.deckTitle(new PlanEdit("\u0001\u0002", null, null, List.of())));
    }

    @Test
    void aDescriptionKeepsItsLinesButLosesOtherControlCharacters() {
        assertEquals("First line\nsecond\tline", PlanEdits.multiLine(" First\u0000 line\r\nsecond\tline\u0007 "));
        assertNull(PlanEdits.themeId(new PlanEdit(null, " \u0001 ", null, List.of())));
    }

    @Test
    void anEditedImageSlideKeepsTheFigureThePlanShowedAndABulletSlideHasNone() {
        SlideFigure figure = new SlideFigure("doc", "Paper",
                "documents/doc/figures/figure-1.jpg", "image/jpeg", 692, 490, 2, "Fig. 1: The schematic", null);
        List<PlannedSlide> before = List.of(
                new PlannedSlide(0, "How they move", SlideLayout.IMAGE, List.of("Drives"),
                        List.of(), figure),
                new PlannedSlide(1, "Results", SlideLayout.BULLETS, List.of("Faster"), List.of()));
        PlanEdit edit = new PlanEdit(null, null, null, List.of(
                new PlanEdit.Slide("Results", "BULLETS", List.of("Faster"), List.of()),
                new PlanEdit.Slide("How they move", "IMAGE", List.of("Drives", "Arms"), List.of())));

        List<PlannedSlide> kept = PlanEdits.keepFigures(PlanEdits.slides(edit, DOCUMENTS), before);

        assertNull(kept.get(0).figure());
        assertEquals(figure, kept.get(1).figure(), "moved and edited, the slide keeps its figure");
        assertEquals(List.of("Drives", "Arms"), kept.get(1).keyPoints());
    }
}
