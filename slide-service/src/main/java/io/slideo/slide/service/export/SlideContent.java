package io.slideo.slide.service.export;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;

/** What one slide says (its current version), as the exporters need it. */
public record SlideContent(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
        List<List<String>> table, String notes) {

    public SlideContent {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
        secondColumn = secondColumn == null ? List.of() : List.copyOf(secondColumn);
        table = table == null ? List.of() : List.copyOf(table);
    }
}
