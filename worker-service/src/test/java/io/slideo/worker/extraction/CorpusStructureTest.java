package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.config.DefaultConfig;

/** What a reader skips never reaches a slide, and what structure a document has is kept, on corpus files. */
class CorpusStructureTest {
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
    void markdownKeepsItsHeadingsListsAndTablesButNoMarkupOrCode() throws ExtractionFailure {
        ExtractedDocument readme = extract("readme-pdfjs.md");

        Section contributing = section(readme, "Contributing");
        assertEquals(2, contributing.level());
        assertEquals(3, section(readme, "Online demo").level());
        assertTrue(blocks(readme).anyMatch(b -> b.kind() == BlockKind.LIST), "lists are lists");
        assertTrue(blocks(readme).anyMatch(b -> b.kind() == BlockKind.TABLE && b.rows().size() > 2), "tables are tables");
        blocks(readme).forEach(b -> {
            for (String markup : List.of("```", "**", "](", "`", "$ npx", "$ git clone", "<img", "[!NOTE]")) {
                assertFalse(b.text().contains(markup), () -> "markup " + markup + " in: " + b.text());
            }
        });
    }

    @Test
    void aPapersRomanNumberedSectionsAreItsHeadingsItsAuthorsAreNotAndItsLinesAreSentences() throws ExtractionFailure {
        // paper-mems-microrobots.pdf: IEEE sections ("I. INTRODUCTION") at body size, every printed line a paragraph.
        ExtractedDocument paper = extract("paper-mems-microrobots.pdf");
        List<String> headings = paper.sections().stream().filter(s -> s.level() > 0).map(Section::title).toList();

        for (String section : List.of("INTRODUCTION", "STRESS-ENGINEERED MICROROBOT", "String-Cluster System", "CONCLUSION")) {
            assertTrue(headings.contains(section), section + " in " + headings);
        }
        assertTrue(headings.stream().noneMatch(h -> h.contains("Foroutan")), "the authors are no heading: " + headings);
        assertTrue(headings.stream().noneMatch(h -> h.equalsIgnoreCase("references")), "references are left out: " + headings);
        // "…an untethered scratch drive actuator (USDA) that provides forward" / "motion, and a steering-arm…"
        assertTrue(blocks(paper).anyMatch(b -> b.text().contains("that provides forward motion, and a steering-arm")),
                "a sentence the PDF broke over lines is one paragraph");
    }

    @Test
    void aBooksContentsNotesIndexAndRunningHeadsAreLeftOut() throws ExtractionFailure {
        ExtractedDocument book = extract("book-free-culture-lessig.pdf");

        for (String skipped : List.of("CONTENTS", "NOTES", "INDEX")) {
            assertTrue(book.sections().stream().noneMatch(s -> s.title().equalsIgnoreCase(skipped)), skipped);
        }
        assertTrue(book.sections().stream().anyMatch(s -> s.title().equals("PREFACE")), "chapters stay");
        Pattern furniture = Pattern.compile("(?m)^(\\d+ FREE CULTURE|“PIRACY” \\d+|.*PASS PAGES.*|.*\\.qxd.*|1 2 3 4 5 6 7 8 9)$");
        blocks(book).forEach(b -> assertFalse(furniture.matcher(b.text()).find(), () -> "page furniture in: " + b.text()));
    }

    @Test
    void aManualsProofMarksAndPageLinesAreLeftOut() throws ExtractionFailure {
        ExtractedDocument manual = extract("manual-irs-publication-15.pdf");

        blocks(manual).forEach(b -> {
            assertFalse(b.text().matches("(?s).*Page \\d+ of 67.*"), () -> "page line in: " + b.text());
            assertFalse(b.text().contains("prints on all proofs"), () -> "proof note in: " + b.text());
        });
    }

    @Test
    void aWordContentsListIsLeftOut() throws ExtractionFailure {
        ExtractedDocument guidance = extract("guidance-parental-involvement.doc");

        blocks(guidance).forEach(b -> {
            assertFalse(b.text().equalsIgnoreCase("TABLE OF CONTENTS"), "contents title");
            assertFalse(b.text().matches("\\d+[A-Z].*"), () -> "contents entry: " + b.text());
        });
        assertTrue(guidance.sections().stream().anyMatch(s -> s.title().equals("INTRODUCTION")));
    }

    @Test
    void aPapersReferenceListIsLeftOut() throws ExtractionFailure {
        ExtractedDocument paper = extract("paper-tracemonkey.pdf");

        assertTrue(paper.sections().stream().noneMatch(s -> s.title().equalsIgnoreCase("References")));
        assertTrue(blocks(paper).noneMatch(b -> b.text().contains("LuaJIT roadmap 2008")), "reference entry");
        assertTrue(paper.sections().stream().anyMatch(s -> s.title().equals("Trace Trees")));
    }

    @Test
    void footnotesAreNotesTheirMarkersAreGoneAndBulletParagraphsAreAList() throws ExtractionFailure {
        ExtractedDocument sample = extract("sample-lists-table-footnotes.docx");

        assertTrue(blocks(sample).noneMatch(b -> b.text().contains("footnoteRef")), "footnote marker");
        assertFalse(sample.title().contains("footnoteRef"), sample.title());
        Block bullets = blocks(sample).filter(b -> b.kind() == BlockKind.LIST).findFirst().orElseThrow();
        assertEquals(List.of("Bullet 1", "Bullet 2", "Bullet 3"), bullets.items(), "Word's bullet paragraphs are a list");
        Block footnote = blocks(sample).filter(b -> b.text().contains("This is a footnote")).findFirst().orElseThrow();
        assertEquals(BlockKind.NOTE, footnote.kind());
    }

    @Test
    void speakerNotesAreNotesAndNeverBullets() throws ExtractionFailure {
        for (String talk : List.of("talk-apache-performance-tuning.pptx", "lecture-ecodesign-german.pptx")) {
            ExtractedDocument deck = extract(talk);
            List<String> notes = blocks(deck).filter(b -> b.kind() == BlockKind.NOTE).map(Block::text).toList();
            assertTrue(notes.size() > 5, talk + " has notes");
            blocks(deck).filter(b -> b.kind() != BlockKind.NOTE).forEach(b -> assertTrue(
                    notes.stream().noneMatch(n -> n.length() > 20 && b.text().contains(n)), () -> "note in body: " + b.text()));
        }
    }

    @Test
    void aChartsNumbersCarryNoFloatingPointNoise() throws ExtractionFailure {
        ExtractedDocument sheet = extract("sheet-monthly-data-chart.xlsx");

        assertTrue(blocks(sheet).anyMatch(b -> b.text().contains("August")), "the chart's categories stay");
        blocks(sheet).forEach(b -> assertFalse(b.text().matches("(?s).*\\b\\d+\\.0\\b.*"), () -> "raw double in: " + b.text()));
    }

    @Test
    void japaneseSlidesAreJapaneseWhateverTheirMetadataSays() throws ExtractionFailure {
        ExtractedDocument slides = extract("sample-cjk-kana-kanji.ppt");

        assertEquals("ja", slides.language());
        assertFalse(slides.title().equals("スライド 1"), "an editor's default slide name is no title");
    }

    private static ExtractedDocument extract(String name) throws ExtractionFailure {
        return extractor.extract("corpus", RepositoryPaths.corpusFile(name), name);
    }

    private static Stream<Block> blocks(ExtractedDocument document) {
        return document.sections().stream().flatMap(s -> s.blocks().stream());
    }

    private static Section section(ExtractedDocument document, String title) {
        return document.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow(
                () -> new AssertionError("no section " + title + " in " + document.sections().stream().map(Section::title).toList()));
    }
}
