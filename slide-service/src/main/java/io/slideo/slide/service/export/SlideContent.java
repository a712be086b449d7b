package io.slideo.slide.service.export;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;

/** What one slide says (its current version), as the exporters need it; {@code tableSource} cites its table. */
public record SlideContent(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
        List<List<String>> table, String notes, SourceRef tableSource) {

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
