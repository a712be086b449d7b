package io.slideo.worker.text;

import io.slideo.worker.CorpusDocuments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.extraction.ExtractionFailure;

class TextCleanupTest {
    private static final Set<String> TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final Pattern LIGATURES = Pattern.compile("[\\uFB00-\\uFB06]");

    @Test
    void spellsOutTypographicLigatures() {
        assertEquals("The first efficient flow was identified",
                TextCleanup.normalize("The \uFB01rst e\uFB03cient \uFB02ow was identi\uFB01ed"));
        assertEquals("offline staff", TextCleanup.normalize("o\uFB00line sta\uFB00"));
    }

    @Test
    void dropsByteOrderMarksAndWordJoinersButKeepsTheJoinersThatShapeAScript() {
        // novel-the-inheritors.epub carries a byte-order mark inside a sentence; it reached a slide title.
        assertEquals("I wanted to get up into hers\u2014and I could not",
                TextCleanup.normalize("I wanted to get up into hers\uFEFF\u2014and I could\u2060 not"));
        assertEquals("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
                TextCleanup.normalize("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"), "Persian keeps its ZWNJ");
    }

    @Test
    void dropsRepeatedLettersGluedToTheStartOfACapitalisedWord() {
        assertEquals("Lorem ipsum dolor sit amet.", TextCleanup.normalize("FffLorem ipsum dolor sit amet."));
        assertEquals("Pellentesque tristique.", TextCleanup.normalize("ffPellentesque tristique."));
        assertEquals("Massa elementum.", TextCleanup.normalize("Massa elementum. ffff"));
    }

    @Test
    void keepsRealWordsAcronymsAndRomanNumerals() {
        for (String text : List.of("McDonald and iPhone sales", "Chapter III of the AAA rules", "See p. 12 ff. for more",
                "Book (iii) and xxx", "Coffee, off, offFFT")) {
            assertEquals(text, TextCleanup.normalize(text));
        }
    }

    @Test
    void theHeadingLevelsArticleLosesTheKeystrokesTypedBeforeItsParagraphs() throws ExtractionFailure {
        ExtractedDocument document = extractor().extract("d", RepositoryPaths.corpusFile("article-heading-levels.docx"),
                "article-heading-levels.docx");

        List<Passage> passages = Passage.of(document);
        assertFalse(passages.isEmpty());
        assertEquals("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", passages.get(0).text());
        for (Passage passage : passages) {
            assertFalse(passage.text().matches("(?s)^[Ff]{2,}\\p{Lu}.*"), "stray keystrokes: " + passage.text());
            assertFalse(passage.text().matches("(?s).*\\bf{3,}\\b.*"), passage.text());
        }
        assertTrue(passages.stream().anyMatch(p -> p.text().startsWith("Pellentesque tristique scelerisque")),
                "the second paragraph opens with its first word");
    }

    @Test
    void theCancerFactsheetsLigaturesBecomeLetters() throws ExtractionFailure {
        ExtractedDocument document = extractor().extract("d",
                RepositoryPaths.corpusFile("factsheet-cancer-statistics-tables.docx"), "factsheet.docx");

        List<Passage> passages = Passage.of(document);
        passages.forEach(p -> assertFalse(LIGATURES.matcher(p.text()).find(), p.text()));
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("identified")), "\u201cidenti\uFB01ed\u201d is spelled out");
    }

    private static DocumentExtractor extractor() {
        return new DocumentExtractor(new DocumentExtractor.Limits(Duration.ofSeconds(60), 5_000_000, 256L << 20, 20_000,
                TYPES, false), new AutoDetectParser());
    }
    @Test
    void printsFloatNoiseAsThePersonWouldWriteTheNumber() {
        assertEquals("The ratio was 0.6 in 2019 and 12.3 in 2020, then 0.2",
                TextCleanup.normalize("The ratio was 0.60000000000000009 in 2019 and 12.300000000000001 in 2020, then 0.19999999999999998"));
        for (String precise : List.of("Pi is 3.14159265358979 here", "A tolerance of 1.000000 mm", "Version 1.0.0000000001")) {
            assertEquals(precise, TextCleanup.normalize(precise));
        }
    }

    @Test
    void dropsFootnoteCommentAndFieldCodeMarkers() {
        assertEquals("The state must protect children. Parents help.",
                TextCleanup.normalize("The state must protect children([footnoteRef:117]). Parents help[comment: check this]."));
        assertEquals("See the guidance on the department's site for details.",
                TextCleanup.normalize("See the guidance HYPERLINK \"http://www.ed.gov/guidance\" on the department's site"
                        + " for details."));
        assertEquals("Contents Introduction 3", TextCleanup.normalize("TOC \\o \"1-3\" \\h \\z \\u Contents Introduction"
                + " PAGEREF _Toc123456 \\h 3"));
    }

    @Test
    void rejoinsWordsSplitAtALineEndInEveryForm() {
        assertEquals("the chemical compound", TextCleanup.normalize("the chem-\nical compound"));
        assertEquals("the chemical compound", TextCleanup.normalize("the chem- ical compound"));
        assertEquals("pre- and post-war budgets", TextCleanup.normalize("pre- and post-war budgets"));
    }

    @Test
    void countsJapaneseWordsByCharacters() {
        assertEquals(4, TextCleanup.wordCount("\u3053\u308c\u306f\u30da\u30f3\u3067\u3059"));
        assertEquals(3, TextCleanup.wordCount("\u8868Mix\u30d1\u30d4"));
        assertEquals(3, TextCleanup.wordCount("three plain words"));
    }

    @Test
    void theCancerFactsheetKeepsNoWordSplitAtALineEnd() {
        List<Passage> passages = Passage.of(CorpusDocuments.extract("factsheet-cancer-statistics-tables.docx"));
        Pattern split = Pattern.compile("\\p{L}- (?!(and|or|to)\\b)\\p{Ll}");
        passages.forEach(p -> assertFalse(split.matcher(p.text()).find(), p.text()));
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("measured during the early postpartum")),
                "\u201cmea- sured\u201d is one word again");
    }
}
