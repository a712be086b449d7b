package io.slideo.worker.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.slideo.design.Fonts;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.theme.Theme;
import io.slideo.worker.text.TextCleanup;
import io.slideo.worker.writing.SlideDraft;

class QualityGateTest {
    private static final Theme THEME = new Theme("t", "T", "", "#ffffff", "#000000", "#000000", "#0000ff",
            Fonts.SANS, Fonts.SANS);
    private static final SourceRef PAGE_3 = new SourceRef("doc", 3);
    private final QualityGate gate = new QualityGate(14, 0.92);

    @Test
    void aSlideWithoutATitleIsRefusedSayingSoNotWithANullPointer() {
        for (String missing : java.util.Arrays.asList(null, " ")) {
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> gate.check(bullets(missing,
                            List.of(new Bullet("Revenue grew by twelve percent", PAGE_3))), THEME, Set.of()));
            assertTrue(refused.getMessage().contains("has no title"), refused.getMessage());
        }
    }

    @Test
    void aGoodSlidePassesUntouched() {
        SlideDraft draft = bullets("Results", List.of(new Bullet("Revenue grew by twelve percent", PAGE_3),
                new Bullet("Costs stayed flat", PAGE_3), new Bullet("Margins improved", PAGE_3)));

        QualityGate.Checked checked = gate.check(draft, THEME, Set.of("agenda"));

        assertTrue(checked.report().passed(), checked.report().toString());
        assertEquals(List.of(), checked.report().actions());
        assertEquals(draft.bullets(), checked.draft().bullets());
        assertTrue(checked.report().fill() > 0 && checked.report().fill() < 0.92);
    }

    @Test
    void aChartSlidePassesAndABarChartOfMoreRowsThanItsLabelsHaveRoomForIsTooFull() {
        List<List<String>> regions = List.of(List.of("Region", "Sales"), List.of("North", "4"), List.of("South", "5"),
                List.of("East", "6"));
        QualityGate.Checked chart = gate.check(new SlideDraft(4, "Sales by region", io.slideo.model.deck.SlideLayout.CHART,
                List.of(), List.of(), regions, "", PAGE_3), THEME, Set.of());
        assertTrue(chart.report().passed(), chart.report().toString());
        assertTrue(chart.report().fill() > 0 && chart.report().fill() < 0.92, chart.report().toString());

        List<List<String>> many = new ArrayList<>();
        many.add(List.of("Department", "Staff"));
        for (int i = 0; i < 24; i++) {
            many.add(List.of("Department of long name number " + i, Integer.toString(10 + i)));
        }
        QualityGate.Checked bars = gate.check(new SlideDraft(5, "Staff by department", io.slideo.model.deck.SlideLayout.CHART,
                List.of(), List.of(), many, "", PAGE_3), THEME, Set.of());
        assertTrue(bars.report().fill() > 0.92, bars.report().toString());
    }

    @Test
    void anOverfullSlideKeepsItsFirstBulletsWholeAndTheRestGoesToTheNotes() {
        List<Bullet> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new Bullet("Point " + i + " explains at considerable length why tracing compilers record loops", PAGE_3));
        }
        QualityGate.Checked checked = gate.check(bullets("Trace trees", many), THEME, Set.of());

        assertTrue(checked.report().passed(), checked.report().toString());
        assertTrue(checked.draft().bullets().size() < 12);
        assertTrue(checked.draft().bullets().stream().allMatch(many::contains), "bullets are kept whole, never cut");
        assertTrue(checked.report().actions().stream().anyMatch(a -> a.contains("notes")), checked.report().toString());
        assertTrue(checked.draft().notes().contains("Point 11"), "what was cut is said in the notes");
    }

    @Test
    void repeatedUnsourcedAndLongBulletsAreRepaired() {
        SlideDraft draft = bullets("Findings", List.of(
                new Bullet("Same point", PAGE_3), new Bullet("Same point", PAGE_3),
                new Bullet("A point nobody can trace", null),
                new Bullet("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen", PAGE_3)));

        QualityGate.Checked checked = gate.check(draft, THEME, Set.of());

        assertTrue(checked.report().passed(), checked.report().toString());
        assertEquals(2, checked.draft().bullets().size());
        assertTrue(checked.draft().bullets().stream().allMatch(b -> b.source() != null));
        assertTrue(checked.draft().notes().contains("A point nobody can trace"));
    }

    @Test
    void aHeadingTooLongForTheTitleBoxEndsInAnEllipsisNeverOnADanglingWord() {
        String question = "What notice and information must the agencies with funded language instruction programs "
                + "provide to the parents of the children who take part in them and when must they provide it";
        QualityGate.Checked checked = gate.check(bullets(question, List.of(new Bullet("A point", PAGE_3))), THEME,
                Set.of());

        String title = checked.draft().title();
        assertTrue(checked.report().checks().contains(QualityGate.TITLE_FITS), checked.report().toString());
        assertTrue(title.endsWith("\u2026") && question.startsWith(title.substring(0, title.length() - 1)), title);
        assertFalse(title.matches("(?i).*\\b(the|of|to|and|in|with|must)\u2026$"), "ends on a dangling word: " + title);
    }

    @Test
    void aTitleOtherSlidesHaveIsRenamedAndALongOneShortened() {
        QualityGate.Checked repeated = gate.check(bullets("Results", List.of(new Bullet("A", PAGE_3))), THEME,
                Set.of("results"));
        assertEquals("Results (2)", repeated.draft().title());

        String long_ = "A remarkably long title that goes on and on about everything the section covers in detail today";
        QualityGate.Checked shortened = gate.check(bullets(long_, List.of(new Bullet("A point", PAGE_3))), THEME, Set.of());
        assertTrue(shortened.report().checks().contains(QualityGate.TITLE_FITS), shortened.report().toString());
        assertTrue(shortened.draft().title().length() < long_.length());
    }

    @Test
    void anOversizedTableLosesRowsUntilItFits() {
        List<List<String>> rows = new ArrayList<>(Collections.nCopies(30, List.of("Cell text here", "More cell text")));
        SlideDraft table = new SlideDraft(1, "Figures", SlideLayout.TABLE, List.of(), List.of(), rows, "");

        QualityGate.Checked checked = gate.check(table, THEME, Set.of());

        assertTrue(checked.report().passed(), checked.report().toString());
        assertTrue(checked.draft().table().size() < 30 && checked.draft().table().size() >= 2);
        assertFalse(checked.report().actions().isEmpty());
    }

    private static SlideDraft bullets(String title, List<Bullet> bullets) {
        return new SlideDraft(1, title, SlideLayout.BULLETS, bullets, List.of(), List.of(), "Notes.");
    }
}
