package io.slideo.slide.service.export;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;

/**
 * What one slide says (its current version), as the exporters need it; {@code tableSource} cites its
 * table, {@code figure} is the document's picture an IMAGE slide shows (null when none could be read).
 */
public record SlideContent(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
        List<List<String>> table, String notes, SourceRef tableSource, Picture figure) {

    /** A figure and its picture's bytes, as the blob store holds them. */
    public record Picture(SlideFigure figure, byte[] bytes) {
    }

    public SlideContent(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
            List<List<String>> table, String notes, SourceRef tableSource) {
        this(index, title, layout, bullets, secondColumn, table, notes, tableSource, null);
    }

    public SlideContent(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
            List<List<String>> table, String notes) {
        this(index, title, layout, bullets, secondColumn, table, notes, null);
    }

    public SlideContent {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
        secondColumn = secondColumn == null ? List.of() : List.copyOf(secondColumn);
        table = table == null ? List.of() : List.copyOf(table);
    }
}
