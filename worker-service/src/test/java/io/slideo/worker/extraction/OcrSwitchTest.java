package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.slideo.model.error.ErrorCode;
import io.slideo.testing.RepositoryPaths;

/** Without text recognition, a picture or scanned PDF fails with OCR_UNAVAILABLE and says how to enable it. */
class OcrSwitchTest {

    @Test
    void withoutRecognitionAScanFailsWithOcrUnavailableAndSaysWhy() throws Exception {
        DocumentExtractor.Limits noOcr = new DocumentExtractor.Limits(Duration.ofSeconds(60), 5_000_000, 256L << 20,
                20_000, Set.of("application/pdf", "image/png"), false);
        try (ParserProcess process = ParserProcess.start(IsolatedExtractor.jvm("512m"), noOcr, Duration.ofSeconds(60))) {
            for (String scan : new String[] { "scanned-image-only.pdf", "image-text-for-ocr.png" }) {
                ExtractionFailure failure = assertThrows(ExtractionFailure.class, () -> process.extract("scan",
                        RepositoryPaths.corpusFile(scan), scan, Duration.ofSeconds(60), PageListener.NONE));
                assertEquals(ErrorCode.OCR_UNAVAILABLE, failure.code(), scan);
                assertTrue(failure.getMessage().contains("OCR"), failure.getMessage());
            }
        }
    }
}
