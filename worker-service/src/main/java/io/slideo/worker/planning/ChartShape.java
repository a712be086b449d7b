package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.slideo.model.deck.Chart;
import io.slideo.model.deck.ChartReading;
import io.slideo.worker.text.TextCleanup;

/**
 * A document's table as a chart slide carries it: its header and body rows, notes a spreadsheet left
 * under it dropped, cells in line, at most {@link ChartReading#MAX_SERIES} number columns. The slide
 * keeps these rows; every export reads the same chart from them with {@link ChartReading}.
 */
public final class ChartShape {

    private ChartShape() {
    }

    /** The chart a table makes, if its body is numbers under a label column (and not too long to draw whole). */
    public static Optional<Chart> chart(List<List<String>> table) {
        return rows(table).flatMap(ChartReading::of);
    }

    /** The rows a chart slide carries, or empty when the table has more rows than a chart shows. */
    public static Optional<List<List<String>>> rows(List<List<String>> table) {
        // A caption over the columns or a note under them is one cell wide: not a row of the chart.
        List<List<String>> columned = table == null ? List.of() : table.stream().filter(row -> row.size() >= 2).toList();
        if (columned.isEmpty()) {
            return Optional.empty();
        }
        // Header, the categories and perhaps a total: a longer table is cut by a chart, so it stays a table.
        if (columned.size() > ChartReading.MAX_POINTS + 2) {
            return Optional.empty();
        }
        int width = Math.min(ChartReading.MAX_SERIES + 1, columned.get(0).size());
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : columned) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add(c < row.size() && row.get(c) != null ? TextCleanup.normalize(row.get(c)).strip() : "");
            }
            rows.add(cells);
        }
        return Optional.of(rows);
    }
}
