package io.slideo.worker.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlideTablesTest {
    @Test
    void aSheetsCaptionBesideItsColumnsAndItsRaggedRowsAreSetInLine() {
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(List.of("Code", "Description", "Country Master"));
        for (int i = 1; i <= 12; i++) {
            sheet.add(List.of(String.format("%03d", i), "Country " + i));
        }
        List<List<String>> shown = SlideTables.trimmed(sheet, "en");

        assertEquals(8, shown.size());
        assertEquals(List.of("Code", "Description"), shown.get(0), "the caption's empty column is left out");
        shown.forEach(row -> assertEquals(2, row.size(), "every row as wide as the table: " + row));
        assertEquals("\u2026 6 more rows", shown.get(7).get(0));
    }

    @Test
    void aOneCellNoteUnderTheColumnsIsNotARow() {
        List<List<String>> shown = SlideTables.trimmed(List.of(List.of("Month", "Number"), List.of("January", "5"),
                List.of("February", "8"), List.of("is a panda")), "en");
        assertEquals(List.of(List.of("Month", "Number"), List.of("January", "5"), List.of("February", "8")), shown);
    }
}
