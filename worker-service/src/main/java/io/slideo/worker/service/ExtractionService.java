package io.slideo.worker.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.DocumentUploaded;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.extraction.ExtractionFailure;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.repository.ExtractionResults;

/**
 * Extracts an uploaded document and reports the outcome. Whatever the file does to the parser ends in
 * {@code document.failed} with a code; only the blob store or Kafka failing makes this throw (and the
 * record go to the dead-letter topic). Blocking; runs on a worker thread.
 */
@ApplicationScoped
public class ExtractionService {
    private static final String STAGE = "extracting";

    private final DocumentExtractor extractor;
    private final ExtractionResults results;
    private final BlobStore blobs;
    private final EventPublisher events;

    ExtractionService(DocumentExtractor extractor, ExtractionResults results, BlobStore blobs, EventPublisher events) {
        this.extractor = extractor;
        this.results = results;
        this.blobs = blobs;
        this.events = events;
    }

    public void extract(EventEnvelope event) {
        DocumentUploaded uploaded = event.payloadAs(DocumentUploaded.class);
        String documentId = uploaded.documentId();
        String userId = event.userId();
        if (!blobs.exists(uploaded.blobKey())) {
            // Deleted before we got to it (or stored where this worker cannot see): nothing left to read.
            Log.warnf("Document %s of user %s has no stored file %s; skipped", documentId, userId, uploaded.blobKey());
            return;
        }
        progress(event, uploaded, 0, "Reading " + displayName(uploaded), "start");
        Path copy = localCopy(uploaded.blobKey());
        try {
            ExtractedDocument document = extractOrFail(event, uploaded, copy);
            if (document == null) {
                return;
            }
            String resultKey = results.store(document);
            events.publish(Topic.DOCUMENT_EXTRACTED, documentId, userId,
                    new DocumentExtracted(documentId, uploaded.requestId(), document.title(), document.language(),
                            document.pages(), document.characters(), document.sections().size(), resultKey),
                    event, "extracted");
            progress(event, uploaded, 100, "Read " + document.pages() + " pages, " + document.sections().size()
                    + " sections", "done");
            Log.infof("Extracted document %s of user %s: %d pages, %d sections, %d characters", documentId, userId,
                    document.pages(), document.sections().size(), document.characters());
        } finally {
            deleteQuietly(copy);
        }
    }

    /** The document, or null once its failure has been reported. */
    private ExtractedDocument extractOrFail(EventEnvelope event, DocumentUploaded uploaded, Path copy) {
        ExtractionFailure failure;
        try {
            return extractor.extract(uploaded.documentId(), copy, uploaded.fileName());
        } catch (ExtractionFailure e) {
            failure = e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = e instanceof OutOfMemoryError ? ExtractionFailure.of(e)
                    : new ExtractionFailure(ErrorCode.INTERNAL,
                            "Slideo could not read the document because of an internal error. Try again later.", e);
        }
        Log.infof(failure.getCause(), "Document %s of user %s failed extraction: %s", uploaded.documentId(),
                event.userId(), failure.code());
        events.publish(Topic.DOCUMENT_FAILED, uploaded.documentId(), event.userId(),
                new DocumentFailed(uploaded.documentId(), uploaded.requestId(), failure.code(), failure.getMessage()),
                event, "failed");
        return null;
    }

    private void progress(EventEnvelope event, DocumentUploaded uploaded, int percent, String message, String step) {
        events.notifyUser(event.userId(), uploaded.requestId(),
                new ProgressUpdate(STAGE, percent, message, uploaded.documentId(), null), event, "progress-" + step);
    }

    private Path localCopy(String blobKey) {
        try {
            Path copy = Files.createTempFile("slideo-extract-", ".bin");
            try (InputStream in = blobs.open(blobKey)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read blob " + blobKey, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("Could not delete %s: %s", file, e.getMessage());
        }
    }

    private static String displayName(DocumentUploaded uploaded) {
        return uploaded.fileName() == null || uploaded.fileName().isBlank() ? "the document" : uploaded.fileName();
    }
}
