package io.slideo.worker.extraction;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.error.ErrorCode;

/**
 * What the worker and its parser process say to each other: one JSON object per line. The worker
 * sends a {@link Request} on the process's standard input; the process answers on its standard
 * output with {@link Signal}s (ready, page, done) and writes the {@link Outcome} to the request's
 * output file.
 */
final class ExtractionProtocol {
    private ExtractionProtocol() {
    }

    /** {@code figures} is the folder where the process writes each figure's bytes, named by its id. */
    record Request(String documentId, String file, String fileName, String output, String figures) {
    }

    record Signal(String type, String documentId, int page, int pages) {
        static final String READY = "ready";
        static final String PAGE = "page";
        static final String DONE = "done";
    }

    /** Either the document or a failure code with its message. */
    record Outcome(ExtractedDocument document, ErrorCode code, String message) {
    }
}
