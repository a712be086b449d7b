package io.slideo.worker.writing;

import java.util.ArrayList;
import java.util.List;

import io.slideo.worker.planning.Words;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.TextCleanup;

/** A document's table as a slide shows it: few enough rows and columns to read, in line, nothing empty. */
final class SlideTables {
    private static final int MAX_TABLE_ROWS = 8;
    private static final int MAX_TABLE_COLUMNS = 5;
    private static final int MAX_CELL_WORDS = 8;

    private SlideTables() {
    }

    /**
     * A table small enough for a slide: at most 8 rows and 5 columns, long cells shortened by rules
     * (kept whole when they cannot be); the rows left out are counted in a last row, in the deck's language.
     */
    static List<List<String>> trimmed(List<List<String>> source, String language) {
        // A one-cell line under a table of columns is a note a spreadsheet left there, not a row.
        List<List<String>> table = source.get(0).size() < 2 ? source
                : source.stream().filter(row -> row.size() >= 2).toList();
        List<List<String>> rows = new ArrayList<>();
        boolean more = table.size() > MAX_TABLE_ROWS;
        int shown = more ? MAX_TABLE_ROWS - 1 : table.size();
        int width = Math.min(MAX_TABLE_COLUMNS, table.stream().mapToInt(List::size).max().orElse(0));
        for (List<String> row : table.subList(0, shown)) {
            List<String> cells = new ArrayList<>(row.subList(0, Math.min(row.size(), width)).stream().map(SlideTables::cell).toList());
            while (cells.size() < width) {
                cells.add(""); // every row as wide as the table: a ragged row would leave its cells out of line
            }
            rows.add(cells);
        }
        rows = new ArrayList<>(withoutEmptyColumns(rows));
        if (more) {
            List<String> last = new ArrayList<>();
            last.add("\u2026 " + Words.of(language).moreRows(table.size() - shown));
            while (last.size() < rows.get(0).size()) {
                last.add("");
            }
            rows.add(last);
        }
        return rows;
    }

    /** A column with a header and nothing under it (a sheet's caption beside its table) is not shown. */
    private static List<List<String>> withoutEmptyColumns(List<List<String>> rows) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < rows.get(0).size(); c++) {
            int column = c;
            if (rows.size() < 2 || rows.stream().skip(1).anyMatch(r -> !r.get(column).isBlank())) {
                kept.add(c);
            }
        }
        if (kept.size() < 2 || kept.size() == rows.get(0).size()) {
            return rows;
        }
        return rows.stream().map(r -> kept.stream().map(r::get).toList()).toList();
    }

    private static String cell(String cell) {
        String text = TextCleanup.normalize(cell == null ? "" : cell);
        String shorter = BulletText.shorten(text, MAX_CELL_WORDS);
        return shorter.isEmpty() ? text : shorter;
    }
}
