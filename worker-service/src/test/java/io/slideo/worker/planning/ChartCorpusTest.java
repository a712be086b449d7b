package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.model.deck.Chart;
import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.extraction.ExtractionFailure;
import io.slideo.worker.extraction.Parsers;

/** Which tables of real corpus files become charts, and of which kind, read in place by the worker's extraction. */
class ChartCorpusTest {
    private static DocumentExtractor extractor;

    @BeforeAll
    static void createExtractor() {
        var config = DefaultConfig.worker().extraction();
        extractor = new DocumentExtractor(new DocumentExtractor.Limits(config.parseTimeout(), config.maxCharacters(),
                config.maxUnpackedBytes(), config.languageSample(), config.supportedTypes(), false), Parsers.standard());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    @Test
    void aSheetOfMonthlyFiguresIsALineOfItsMonths() throws ExtractionFailure {
        List<Block> tables = tables(extract("sheet-monthly-data-chart.xlsx"));
        Chart chart = ChartShape.chart(tables.get(0).rows()).orElseThrow();
        assertEquals(Chart.Kind.LINE, chart.kind());
        assertEquals(List.of("January", "February", "March", "April", "May", "June", "July", "August"), chart.categories());
        assertEquals(List.of(5.0, 8.0, 4.0, 7.0, 4.0, 2.0, 5.0, 6.0), chart.series().get(0).values());
    }

    @Test
    void theFactsheetsYearlyRatesAreLinesAndItsTableOfStatesStaysATable() throws ExtractionFailure {
        List<Block> tables = tables(extract("factsheet-cancer-statistics-tables.docx"));
        List<Chart> yearly = tables.stream().filter(t -> t.rows().stream().anyMatch(r -> r.contains("Year")) && t.rows().size() > 10)
                .map(t -> ChartShape.chart(t.rows()).orElseThrow(() -> new AssertionError(t.rows().get(0).toString()))).toList();
        assertFalse(yearly.isEmpty());
        for (Chart chart : yearly) {
            assertEquals(Chart.Kind.LINE, chart.kind());
            assertEquals("1975", chart.categories().get(0));
            // The SEER 13 registries start in 1992: a series with a gap, not a table.
            assertEquals(List.of("New Cases - SEER 9", "New Cases - SEER 13", "Deaths - US"),
                    chart.series().stream().map(Chart.Series::name).toList());
            assertEquals(null, chart.series().get(1).values().get(0));
        }
        Optional<Block> states = tables.stream().filter(t -> t.rows().stream().anyMatch(r -> r.contains("Alabama"))).findFirst();
        assertTrue(states.isPresent());
        assertTrue(ChartShape.chart(states.get().rows()).isEmpty(), "state names in its third column: a table to read");
    }

    @Test
    void noTableOfTheKycFileStructureIsAChart() throws ExtractionFailure {
        List<Block> tables = tables(extract("workbook-kyc-file-structure.xlsx"));
        assertTrue(tables.size() > 5);
        for (Block table : tables) {
            assertTrue(ChartShape.chart(table.rows()).isEmpty(), table.rows().get(0).toString());
        }
    }

    private static List<Block> tables(ExtractedDocument document) {
        return document.sections().stream().flatMap(s -> s.blocks().stream()).filter(b -> b.kind() == BlockKind.TABLE)
                .toList();
    }

    private static ExtractedDocument extract(String name) throws ExtractionFailure {
        return extractor.extract("corpus", RepositoryPaths.corpusFile(name), name);
    }
}
