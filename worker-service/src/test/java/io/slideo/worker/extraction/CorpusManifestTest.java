package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.error.ErrorCode;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.config.DefaultConfig;

/**
 * Every row of the shared corpus's MANIFEST.tsv, read the way the worker reads it (in a parser
 * process), reaches the outcome in its {@code expect} column, with the traits it promises.
 */
class CorpusManifestTest {
    private static IsolatedExtractor extractor;
    /**
     * Where the manifest and the file disagree. The PPT's own summary says 33 slides, and Apache POI
     * finds 33 slide records (and Tika 33 slides); the manifest says 34.
     */
    private static final java.util.Map<String, Integer> PAGES_THE_FILE_DECLARES = java.util.Map.of(
            "talk-counter-code-of-practice.ppt", 33);

    /**
     * Rows whose text cannot be named by its language: the body of heading123.docx is lorem ipsum
     * (pseudo-Latin, which no profile covers); the manifest's "en" is the language of its headings.
     */
    private static final Set<String> LANGUAGE_NOT_IN_THE_TEXT = Set.of("article-heading-levels.docx");

    record Row(String file, String pages, String language, Set<String> traits, Set<String> expect) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void startParserProcesses() {
        extractor = new IsolatedExtractor(DefaultConfig.worker());
        if (!Parsers.tesseractInstalled()) {
            System.err.println("tesseract is not installed: OCR rows are checked for OCR_UNAVAILABLE only"
                    + " (./slideo test installs it)");
        }
    }

    @AfterAll
    static void stopParserProcesses() {
        extractor.stop();
    }

    static Stream<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryPaths.corpusFile("MANIFEST.tsv"));
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).map(c -> new Row(
                c[header.indexOf("file")], c[header.indexOf("pages")], c[header.indexOf("language")],
                Set.of(c[header.indexOf("traits")].split(",")), Set.of(c[header.indexOf("expect")].split("\\|"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachCorpusFileReachesItsExpectedOutcome(Row row) {
        Path file = RepositoryPaths.corpusFile(row.file());
        long started = System.nanoTime();
        try {
            ExtractedDocument document = extractor.extract("corpus", file, row.file(), PageListener.NONE);
            if (!row.expect().contains("EXTRACTED") && !(row.expect().contains("OCR_TEXT") && Parsers.tesseractInstalled())) {
                fail(row.file() + " was extracted, but the manifest expects " + row.expect());
            }
            checkExtracted(row, document);
        } catch (ExtractionFailure failure) {
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(row.expect().contains(failure.code().name())
                    && !(failure.code() == ErrorCode.OCR_UNAVAILABLE && Parsers.tesseractInstalled()),
                    row.file() + " failed with " + failure.code() + " (" + failure.getMessage() + "), expected "
                            + row.expect());
            assertTrue(seconds <= DefaultConfig.worker().extraction().parseTimeout().toSeconds() + 10,
                    row.file() + " took " + seconds + " s to refuse");
            assertTrue(failure.getMessage().length() > 30, "a message a person can act on: " + failure.getMessage());
        }
    }

    @Test
    void aGoodDocumentStillExtractsAfterEveryHostileOne() throws Exception {
        List<Row> hostile = rows().filter(r -> r.file().startsWith("hostile/")).toList();
        for (Row row : hostile) {
            try {
                extractor.extract("hostile", RepositoryPaths.corpusFile(row.file()), row.file(), PageListener.NONE);
            } catch (ExtractionFailure expected) {
                // each is checked above; here only what follows matters
            }
        }
        ExtractedDocument after = extractor.extract("after", RepositoryPaths.corpusFile("guide-mozilla-automated-testing.pdf"),
                "guide.pdf", PageListener.NONE);
        assertEquals(5, after.pages());
    }

    private static void checkExtracted(Row row, ExtractedDocument document) {
        assertTrue(document.characters() > 0, row.file() + " has text");
        if (row.pages().matches("\\d+")) {
            int expected = PAGES_THE_FILE_DECLARES.getOrDefault(row.file(), Integer.parseInt(row.pages()));
            assertEquals(expected, document.pages(), row.file() + " pages");
        }
        if (row.traits().contains("headings")) {
            long levelled = document.sections().stream().filter(s -> s.level() >= 1).count();
            assertTrue(levelled >= 3, row.file() + " has " + levelled + " sections with heading levels");
        }
        if (row.traits().contains("notes")) {
            assertTrue(document.sections().stream().flatMap(s -> s.blocks().stream())
                    .anyMatch(b -> b.kind() == BlockKind.NOTE), row.file() + " keeps speaker notes");
        }
        // The language comes from the text, so every row's language column is checked, not only the non-English ones.
        if (row.language().matches("[a-z]{2}") && !LANGUAGE_NOT_IN_THE_TEXT.contains(row.file())) {
            assertEquals(row.language(), document.language(), row.file() + " language");
        }
        if (row.traits().contains("ocr-only")) {
            String text = document.sections().stream().flatMap(s -> s.blocks().stream()).map(b -> b.text())
                    .collect(Collectors.joining(" "));
            assertTrue(text.chars().filter(Character::isLetter).count() >= 10, row.file() + " recognised: " + text);
        }
    }
}
