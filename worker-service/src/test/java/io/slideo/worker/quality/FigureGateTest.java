package io.slideo.worker.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.theme.Theme;
import io.slideo.worker.writing.SlideDraft;

class FigureGateTest {
    private static final Theme THEME = new Theme("t", "T", "", "#ffffff", "#000000", "#000000", "#0000ff",
            "Liberation Sans", "Liberation Sans", 36, 20, 1.2, "rule");
    private final QualityGate gate = new QualityGate(14, 0.92);

    @Test
    void aFigureThatFitsItsColumnIsKeptAndCounted() {
        QualityGate.Checked checked = gate.check(slide(new SlideFigure("d", "Paper", "documents/d/figures/figure-1.jpg",
                "image/jpeg", 692, 490, 2, "Fig. 1: The schematic", null)), THEME, Set.of());

        assertEquals(SlideLayout.IMAGE, checked.draft().layout());
        assertTrue(checked.report().checks().contains(QualityGate.FIGURE_FITS), checked.report().toString());
        assertTrue(checked.report().passed(), checked.report().toString());
    }

    @Test
    void aWideFlatFigureTooSmallToReadInItsColumnLeavesTheBulletsAlone() {
        QualityGate.Checked checked = gate.check(slide(new SlideFigure("d", "Paper", "documents/d/figures/figure-2.png",
                "image/png", 1500, 310, 3, "Fig. 2: The timeline of every run", null)), THEME, Set.of());

        assertEquals(SlideLayout.BULLETS, checked.draft().layout());
        assertNull(checked.draft().figure());
        assertTrue(checked.report().actions().stream().anyMatch(a -> a.contains("too small to read")),
                checked.report().toString());
    }

    private static SlideDraft slide(SlideFigure figure) {
        List<Bullet> bullets = List.of(new Bullet("A scratch drive pushes the robot forward", new SourceRef("d", 2)),
                new Bullet("A steering arm snaps down to turn it", new SourceRef("d", 2)));
        return new SlideDraft(3, "How the robots move", SlideLayout.IMAGE, bullets, List.of(), List.of(), "", null,
                figure);
    }
}
