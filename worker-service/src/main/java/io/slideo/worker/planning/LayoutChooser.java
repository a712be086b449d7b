package io.slideo.worker.planning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.TextCleanup;

/**
 * The layout a part's content asks for: a chart slide for a table of numbers, a table slide for the first table of its sections that no
 * other slide shows (each table once per deck; a large one is trimmed by the writer), two columns for
 * a long list, bullets otherwise.
 */
final class LayoutChooser {
    private static final int MIN_TABLE_ROWS = 3;
    // Wider tables are shown by their first columns (the writer trims them).
    private static final int MAX_TABLE_COLUMNS = 14;
    private static final int LONG_LIST = 6;
    private static final int SHORT_CELL_WORDS = 6;

    private final Map<String, ExtractedDocument> documents;
    private final Set<String> shownTables = new java.util.HashSet<>();

    LayoutChooser(Map<String, ExtractedDocument> documents) {
        this.documents = documents;
    }

    /** The layout, and for a table slide the table's source and header row (empty otherwise). */
    record Choice(SlideLayout layout, Optional<SourceRef> table, List<String> header) {
        Choice(SlideLayout layout) {
            this(layout, Optional.empty(), List.of());
        }
    }

    Choice choose(Topic topic) {
        ExtractedDocument document = documents.get(topic.documentId());
        if (document == null) {
            return new Choice(SlideLayout.BULLETS);
        }
        Set<Integer> sections = new LinkedHashSet<>(topic.sections());
        SlideLayout layout = SlideLayout.BULLETS;
        for (int section : sections) {
            List<Block> blocks = document.sections().get(section).blocks();
            for (int b = 0; b < blocks.size(); b++) {
                Block block = blocks.get(b);
                // A table of numbers under a one-cell caption is still a chart.
                if (block.kind() == BlockKind.TABLE && (presentable(block) || ChartShape.chart(block.rows()).isPresent())) {
                    SourceRef source = Passage.sourceOf(document, section, b);
                    // A table spread over pages or split by a parser repeats its header: one slide for it.
                    if (shownTables.add(document.documentId() + "|" + block.rows().get(0))
                            && shownTables.add(document.documentId() + "|" + source)) {
                        // Numbers under a label column say more as a chart; words stay a table.
                        SlideLayout shown = ChartShape.chart(block.rows()).isPresent() ? SlideLayout.CHART : SlideLayout.TABLE;
                        return new Choice(shown, Optional.of(source), block.rows().get(0));
                    }
                }
                if (block.kind() == BlockKind.LIST && block.items().size() >= LONG_LIST) {
                    layout = SlideLayout.TWO_COLUMNS;
                }
            }
        }
        return new Choice(layout);
    }

    /** A header over one row of short cells: small, but a table the document chose to show (a form's answers). */
    private static boolean headerAndRow(Block table) {
        return table.rows().size() == 2 && table.rows().get(0).size() >= 2
                && table.rows().get(1).size() == table.rows().get(0).size()
                && table.rows().stream().flatMap(List::stream)
                        .allMatch(c -> c != null && !c.isBlank() && TextCleanup.wordCount(c) <= SHORT_CELL_WORDS);
    }

    private static boolean presentable(Block table) {
        if (headerAndRow(table)) {
            return true;
        }
        long filledRows = table.rows().stream().skip(1)
                .filter(r -> r.stream().anyMatch(cell -> cell != null && !cell.isBlank())).count();
        // A header over blank rows is a form to fill in, not figures to show.
        // A one-cell line under the columns (a note) is left out by the writer; a table of such lines is not one.
        long columned = table.rows().stream().filter(r -> r.size() >= 2).count();
        return table.rows().size() >= MIN_TABLE_ROWS && filledRows >= MIN_TABLE_ROWS - 1
                && table.rows().get(0).size() >= 2 && columned * 5 >= table.rows().size() * 4
                && table.rows().stream().allMatch(r -> r.size() <= MAX_TABLE_COLUMNS)
                && !contentsList(table);
    }

    /**
     * Names against page numbers, row after row, the numbers never going back: a contents list set as
     * a table, not data (months against counts go up and down).
     */
    private static boolean contentsList(Block table) {
        List<String> last = table.rows().stream().map(r -> r.get(r.size() - 1) == null ? "" : r.get(r.size() - 1).trim())
                .toList();
        long pageNumbered = last.stream().filter(cell -> cell.matches("[0-9ivxlcIVXLC]{1,4}")).count();
        List<Integer> pages = last.stream().filter(cell -> cell.matches("[0-9]{1,4}")).map(Integer::parseInt).toList();
        for (int i = 1; i < pages.size(); i++) {
            if (pages.get(i) < pages.get(i - 1)) {
                return false;
            }
        }
        return pageNumbered >= table.rows().size() * 0.8;
    }
}
