package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.error.ErrorCode;
import io.slideo.testing.RepositoryPaths;

class ParserProcessTest {
    private static final DocumentExtractor.Limits LIMITS = new DocumentExtractor.Limits(Duration.ofSeconds(120),
            5_000_000, 256L << 20, 20_000, Set.of("application/pdf"), false);

    @Test
    void theFiguresBytesComeBackFromTheProcessBeforeItsFilesAreCleaned() throws Exception {
        java.util.Map<String, byte[]> stored = new java.util.concurrent.ConcurrentHashMap<>();
        try (ParserProcess process = ParserProcess.start(IsolatedExtractor.jvm("512m"), LIMITS, Duration.ofSeconds(60))) {
            ExtractedDocument document = process.extract("mems", RepositoryPaths.corpusFile("paper-mems-microrobots.pdf"),
                    "paper.pdf", Duration.ofSeconds(60), PageListener.NONE, (figure, bytes) -> stored.put(figure.id(), bytes));

            assertEquals(8, document.figures().size());
            assertEquals(8, stored.size());
            byte[] first = stored.get("figure-1");
            assertTrue(first.length > 8 * 1024 && (first[0] & 0xFF) == 0xFF && (first[1] & 0xFF) == 0xD8,
                    "the first figure is the paper's own JPEG");
        }
    }

    @Test
    void aDocumentIsReadInAnotherProcessWithPageProgress() throws Exception {
        List<int[]> pages = new CopyOnWriteArrayList<>();
        try (ParserProcess process = ParserProcess.start(IsolatedExtractor.jvm("512m"), LIMITS, Duration.ofSeconds(60))) {
            ExtractedDocument document = process.extract("doc-1", RepositoryPaths.corpusFile("paper-tracemonkey.pdf"),
                    "paper.pdf", Duration.ofSeconds(60), (page, total) -> pages.add(new int[] { page, total }));

            assertEquals(14, document.pages());
            assertEquals(14, pages.size(), "a signal per page");
            assertEquals(14, pages.get(13)[0]);
            assertEquals(14, pages.get(13)[1], "the total page count is known while reading");
            assertTrue(process.alive(), "the process stays for the next document");
        }
    }

    @Test
    void aParseThatOutlivesItsTimeIsStoppedByKillingTheProcess() throws Exception {
        try (ParserProcess process = ParserProcess.start(IsolatedExtractor.jvm("512m"), LIMITS, Duration.ofSeconds(60))) {
            ExtractionFailure failure = assertThrows(ExtractionFailure.class, () -> process.extract("book",
                    RepositoryPaths.corpusFile("book-free-culture-lessig.pdf"), "book.pdf", Duration.ofMillis(300),
                    PageListener.NONE));

            assertEquals(ErrorCode.TIMEOUT, failure.code());
            assertFalse(process.alive(), "the runaway parser is gone");
        }
        // A new process reads the next document normally.
        try (ParserProcess next = ParserProcess.start(IsolatedExtractor.jvm("512m"), LIMITS, Duration.ofSeconds(60))) {
            assertEquals(5, next.extract("guide", RepositoryPaths.corpusFile("guide-mozilla-automated-testing.pdf"),
                    "guide.pdf", Duration.ofSeconds(60), PageListener.NONE).pages());
        }
    }

    @Test
    void aProcessThatRunsOutOfMemoryFailsTheDocumentAsTooLarge() throws Exception {
        try (ParserProcess process = ParserProcess.start(IsolatedExtractor.jvm("40m"), LIMITS, Duration.ofSeconds(60))) {
            ExtractionFailure failure = assertThrows(ExtractionFailure.class, () -> process.extract("book",
                    RepositoryPaths.corpusFile("book-free-culture-lessig.pdf"), "book.pdf", Duration.ofSeconds(120),
                    PageListener.NONE));

            assertEquals(ErrorCode.TOO_LARGE, failure.code(), failure.getMessage());
            assertFalse(process.alive());
        }
    }

    @Test
    void theProcessLeavesNoTemporaryFiles() throws Exception {
        Path temporary;
        try (ParserProcess process = ParserProcess.start(IsolatedExtractor.jvm("512m"), LIMITS, Duration.ofSeconds(60))) {
            process.extract("doc-2", RepositoryPaths.corpusFile("guide-mozilla-automated-testing.pdf"), "guide.pdf",
                    Duration.ofSeconds(60), PageListener.NONE);
            temporary = process.temporaryFolder();
            try (var left = Files.list(temporary)) {
                assertEquals(0, left.count(), "nothing left after a document");
            }
        }
        assertFalse(Files.exists(temporary), "the folder goes with the process");
    }
}
