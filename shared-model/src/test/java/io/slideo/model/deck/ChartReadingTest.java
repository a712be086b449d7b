package io.slideo.model.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Numbers read as tables write them, and a chart's kind chosen by its data's shape. */
class ChartReadingTest {

    @Test
    void readsNumbersAsTablesWriteThemAndKeepsTheirUnit() {
        assertNumber(1234, "", "1,234");
        assertNumber(1234567, "", "1.234.567");
        assertNumber(12.5, "", "12,5");
        assertNumber(1234.5, "", "1,234.5");
        assertNumber(1234.5, "", "1.234,5");
        assertNumber(12.5, "%", "12.5 %");
        assertNumber(-3.2, "", "(3.2)");
        assertNumber(-4, "", "\u22124");
        assertNumber(4, "$m", "$4m");
        assertNumber(1.2, "\u20acbn", "\u20ac 1.2 bn");
        assertNumber(2500, "", "2\u00a0500");
        assertNumber(1.5, "%", "1.5 percent");
        assertTrue(ChartNumber.parse("Modify with documents").isEmpty());
        assertTrue(ChartNumber.parse("Q1 2020").isEmpty());
        assertTrue(ChartNumber.missing("-") && ChartNumber.missing("n/a") && ChartNumber.missing(""));
    }

    private static void assertNumber(double value, String unit, String cell) {
        ChartNumber number = ChartNumber.parse(cell).orElseThrow(() -> new AssertionError(cell));
        assertEquals(value, number.value(), 1e-9, cell);
        assertEquals(unit, number.unit(), cell);
    }

    @Test
    void aSeriesInTimeIsALine() {
        for (List<String> labels : List.of(List.of("2019", "2020", "2021", "2022"), List.of("Q1 2023", "Q2 2023", "Q3 2023"),
                List.of("Jan", "Feb", "Mar", "Apr"), List.of("Januar", "Februar", "M\u00e4rz"),
                List.of("2024-01", "2024-02", "2024-03"), List.of("FY2021", "FY2022", "FY2023"))) {
            assertEquals(Chart.Kind.LINE, chart(labels, "Sales", "10", "12", "9", "14").kind(), labels.toString());
        }
    }

    @Test
    void sharesOfAWholeAreAPieAndOtherwiseColumnsOrBars() {
        assertEquals(Chart.Kind.PIE, chart(List.of("Web", "Stores", "Other"), "Share", "50%", "30%", "20%").kind());
        // Percentages that are not parts of a whole (growth rates) are not a pie.
        assertEquals(Chart.Kind.COLUMN, chart(List.of("Web", "Stores", "Other"), "Growth", "5%", "3%", "2%").kind());
        assertEquals(Chart.Kind.COLUMN, chart(List.of("North", "South", "East"), "Sales", "4", "5", "6").kind());
        assertEquals(Chart.Kind.BAR, chart(List.of("Research and development", "Finance", "Sales"), "Staff", "4", "5", "6").kind());
        List<String> many = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertEquals(Chart.Kind.BAR, chart(many, "n", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10").kind());
        // Seven shares are too many slices.
        assertEquals(Chart.Kind.COLUMN, chart(many.subList(0, 7), "Share %", "10", "10", "10", "10", "20", "20", "20").kind());
    }

    @Test
    void aTableWithWordsOrMixedUnitsOrTooFewRowsIsNoChart() {
        assertTrue(ChartReading.of(List.of(List.of("Code", "Meaning"), List.of("01", "New"), List.of("02", "Modify"),
                List.of("03", "Delete"))).isEmpty());
        assertTrue(ChartReading.of(List.of(List.of("Item", "Count", "Share"), List.of("a", "1", "10%"),
                List.of("b", "2", "20%"), List.of("c", "3", "70%"))).isEmpty());
        assertTrue(ChartReading.of(List.of(List.of("Item", "Count"), List.of("a", "1"), List.of("b", "2"))).isEmpty());
    }

    @Test
    void aTotalRowIsLeftOutAndGapsStayGaps() {
        Chart chart = ChartReading.of(List.of(List.of("Region", "Sales"), List.of("North", "4"), List.of("South", "5"),
                List.of("East", "-"), List.of("West", "6"), List.of("Total", "15"))).orElseThrow();
        assertEquals(List.of("North", "South", "East", "West"), chart.categories());
        assertEquals(Arrays.asList(4.0, 5.0, null, 6.0), chart.series().get(0).values());
        Chart summed = ChartReading.of(List.of(List.of("Region", "Sales"), List.of("North", "4"), List.of("South", "5"),
                List.of("East", "1"), List.of("West", "6"), List.of("Alle", "16"))).orElseThrow();
        assertEquals(4, summed.categories().size());
    }

    private static Chart chart(List<String> labels, String series, String... values) {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("Label", series));
        for (int i = 0; i < labels.size(); i++) {
            rows.add(List.of(labels.get(i), values[i]));
        }
        return ChartReading.of(rows).orElseThrow(() -> new AssertionError(rows.toString()));
    }
}
