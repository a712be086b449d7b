package io.slideo.worker.writing;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;

/**
 * A written slide before the quality gate: its layout and content. {@code secondColumn} is set for
 * TWO_COLUMNS, {@code table} (header row first) and {@code tableSource} (where the table stands) for
 * TABLE; a QUOTE's quote is {@code bullets[0]}; {@code figure} is the document's picture an IMAGE slide shows.
 */
public record SlideDraft(
        int index,
        String title,
        SlideLayout layout,
        List<Bullet> bullets,
        List<Bullet> secondColumn,
        List<List<String>> table,
        String notes,
        SourceRef tableSource,
        SlideFigure figure) {

    public SlideDraft {
        // A slide without a title is a planner's or a plan's fault: said here, where it would be made, not
        // as a NullPointerException in the quality gate later.
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("slide " + index + " (" + layout + ") has no title: every planned slide "
                    + "needs one, and the plan that asked for this one gave " + (title == null ? "none" : "a blank one"));
        }
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
        secondColumn = secondColumn == null ? List.of() : List.copyOf(secondColumn);
        table = table == null ? List.of() : table.stream().map(List::copyOf).toList();
    }

    public SlideDraft(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
            List<List<String>> table, String notes) {
        this(index, title, layout, bullets, secondColumn, table, notes, null, null);
    }

    public SlideDraft(int index, String title, SlideLayout layout, List<Bullet> bullets, List<Bullet> secondColumn,
            List<List<String>> table, String notes, SourceRef tableSource) {
        this(index, title, layout, bullets, secondColumn, table, notes, tableSource, null);
    }

    public SlideDraft with(String title, List<Bullet> bullets, List<Bullet> secondColumn, List<List<String>> table,
            String notes) {
        return new SlideDraft(index, title, layout, bullets, secondColumn, table, notes, tableSource, figure);
    }

    public SlideDraft withLayout(SlideLayout newLayout) {
        // A figure belongs to the IMAGE layout only.
        return new SlideDraft(index, title, newLayout, bullets, secondColumn, table, notes, tableSource,
                newLayout == SlideLayout.IMAGE ? figure : null);
    }
}
