package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.Test;
import org.xml.sax.ContentHandler;

import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.model.error.ErrorCode;
import io.slideo.testing.RepositoryPaths;

/** The extractor on its own, with limits small enough to reach. */
class DocumentExtractorTest {
    private static final Set<String> TYPES = Set.of("application/pdf", "text/plain", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @Test
    void abandonsAParseThatOutlivesTheTimeLimit() {
        DocumentExtractor extractor = extractor(Duration.ofMillis(300), 5_000_000, new EndlessParser());
        ExtractionFailure failure = assertThrows(ExtractionFailure.class,
                () -> extractor.extract("d", corpus("license-apache-2.0.txt"), "license.txt"));
        assertEquals(ErrorCode.TIMEOUT, failure.code());
    }

    @Test
    void refusesMoreTextThanTheCharacterLimit() {
        DocumentExtractor extractor = extractor(Duration.ofSeconds(60), 1_000, new AutoDetectParser());
        ExtractionFailure failure = assertThrows(ExtractionFailure.class,
                () -> extractor.extract("d", corpus("license-apache-2.0.txt"), "license.txt"));
        assertEquals(ErrorCode.TOO_LARGE, failure.code());
        assertTrue(failure.getMessage().contains("1000 characters"), failure.getMessage());
    }

    @Test
    void refusesADecompressionBombBeforeInflatingIt() {
        ExtractionFailure failure = assertThrows(ExtractionFailure.class,
                () -> standard().extract("d", corpus("hostile/decompression-bomb.docx"), "bomb.docx"));
        assertEquals(ErrorCode.TOO_LARGE, failure.code());
    }

    @Test
    void refusesTypesItDoesNotReadWhateverTheName() {
        ExtractionFailure failure = assertThrows(ExtractionFailure.class,
                () -> standard().extract("d", corpus("hostile/lying-extension-exe.pdf"), "report.pdf"));
        assertEquals(ErrorCode.UNSUPPORTED_TYPE, failure.code());
    }

    @Test
    void aScannedPdfIsRecognisedWhenTesseractIsInstalledAndSaysHowToEnableItOtherwise() throws ExtractionFailure {
        if (Parsers.tesseractInstalled()) {
            ExtractedDocument scan = standard().extract("d", corpus("scanned-image-only.pdf"), "scan.pdf");
            assertTrue(scan.characters() > 10, "recognised text");
        } else {
            ExtractionFailure failure = assertThrows(ExtractionFailure.class,
                    () -> standard().extract("d", corpus("scanned-image-only.pdf"), "scan.pdf"));
            assertEquals(ErrorCode.OCR_UNAVAILABLE, failure.code());
            assertTrue(failure.getMessage().contains("tesseract-ocr"), failure.getMessage());
        }
    }

    @Test
    void markdownHeadingsBecomeSections() throws ExtractionFailure {
        ExtractedDocument document = standard().extract("d", corpus("readme-pdfjs.md"), "README.md");

        assertEquals("PDF.js", document.title());
        assertEquals("en", document.language());
        Section contributing = document.sections().stream().filter(s -> s.title().equals("Contributing")).findFirst()
                .orElseThrow();
        assertEquals(2, contributing.level());
        assertTrue(document.sections().stream().anyMatch(s -> s.level() == 3));
    }

    @Test
    void aLegacyPresentationHasASectionPerSlideWithItsLists() throws ExtractionFailure {
        ExtractedDocument document = standard().extract("d", corpus("talk-counter-code-of-practice.ppt"), "talk.ppt");

        assertEquals(33, document.pages());
        assertEquals("The COUNTER Code of Practice -Release 1", document.title());
        Section agenda = document.sections().stream().filter(s -> s.title().equals("Today\u2019s agenda")).findFirst()
                .orElseThrow();
        assertEquals(2, agenda.pageStart());
        assertEquals(BlockKind.LIST, agenda.blocks().get(0).kind());
        assertEquals(9, agenda.blocks().get(0).items().size());
    }

    private static DocumentExtractor standard() {
        return extractor(Duration.ofSeconds(60), 5_000_000, new AutoDetectParser());
    }

    private static DocumentExtractor extractor(Duration timeout, long maxCharacters, Parser parser) {
        return new DocumentExtractor(new DocumentExtractor.Limits(timeout, maxCharacters, 256L << 20, 20_000, TYPES, true), parser);
    }

    private static Path corpus(String name) {
        return RepositoryPaths.corpusFile(name);
    }

    /** A parser that never finishes, as a pathological file can make a real one behave. */
    private static final class EndlessParser implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.TEXT_PLAIN);
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        }
    }
}
