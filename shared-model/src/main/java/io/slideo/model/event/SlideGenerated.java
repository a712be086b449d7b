package io.slideo.model.event;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.QualityReport;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;

/**
 * One written slide of a generation run. {@code secondColumn} is the right column of a two-column
 * slide, {@code table} the rows of a table slide (first row the header) and {@code tableSource} where
 * that table stands in its document; {@code quality} says what the quality gate checked and did;
 * {@code figure} is the document's picture an IMAGE slide shows.
 */
public record SlideGenerated(
        String deckId,
        String generationId,
        String requestId,
        int slideIndex,
        int slidesInGeneration,
        String title,
        SlideLayout layout,
        List<Bullet> bullets,
        String notes,
        String generator,
        List<Bullet> secondColumn,
        List<List<String>> table,
        QualityReport quality,
        SourceRef tableSource,
        SlideFigure figure) {

    public SlideGenerated {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
        secondColumn = secondColumn == null ? List.of() : List.copyOf(secondColumn);
        table = table == null ? List.of() : table.stream().map(List::copyOf).toList();
    }

    public SlideGenerated(String deckId, String generationId, String requestId, int slideIndex, int slidesInGeneration,
            String title, SlideLayout layout, List<Bullet> bullets, String notes, String generator,
            List<Bullet> secondColumn, List<List<String>> table, QualityReport quality, SourceRef tableSource) {
        this(deckId, generationId, requestId, slideIndex, slidesInGeneration, title, layout, bullets, notes, generator,
                secondColumn, table, quality, tableSource, null);
    }

    public SlideGenerated(String deckId, String generationId, String requestId, int slideIndex, int slidesInGeneration,
            String title, SlideLayout layout, List<Bullet> bullets, String notes, String generator,
            List<Bullet> secondColumn, List<List<String>> table, QualityReport quality) {
        this(deckId, generationId, requestId, slideIndex, slidesInGeneration, title, layout, bullets, notes, generator,
                secondColumn, table, quality, null);
    }

    /** A bullet slide without a second column, table or quality report. */
    public SlideGenerated(String deckId, String generationId, String requestId, int slideIndex, int slidesInGeneration,
            String title, SlideLayout layout, List<Bullet> bullets, String notes, String generator) {
        this(deckId, generationId, requestId, slideIndex, slidesInGeneration, title, layout, bullets, notes, generator,
                List.of(), List.of(), null);
    }
}
