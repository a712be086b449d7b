package io.slideo.worker.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.DocumentUploaded;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.extraction.IsolatedExtractor;
import io.slideo.worker.extraction.PageListener;
import io.slideo.worker.extraction.ScratchSpace;
import io.slideo.worker.extraction.ExtractionFailure;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.graph.KnowledgeGraphBuilder;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.text.Chunker;

/**
 * Extracts an uploaded document and reports the outcome. Whatever the file does to the parser ends in
 * {@code document.failed} with a code; only the blob store or Kafka failing makes this throw (and the
 * record go to the dead-letter topic). Blocking; runs on a worker thread.
 */
@ApplicationScoped
public class ExtractionService {
    private static final String STAGE = "extracting";

    private final IsolatedExtractor extractor;
    private final ExtractionResults results;
    private final BlobStore blobs;
    private final EventPublisher events;
    private final KnowledgeGraphBuilder graphs;
    private final Chunker chunker;

    ExtractionService(IsolatedExtractor extractor, ExtractionResults results, BlobStore blobs, EventPublisher events,
            KnowledgeGraphBuilder graphs, WorkerConfig config) {
        this.extractor = extractor;
        this.results = results;
        this.blobs = blobs;
        this.events = events;
        this.graphs = graphs;
        this.chunker = new Chunker(config.chunkCharacters());
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
        long started = System.nanoTime(); // the parse time its owner is charged for, graph and chunks included
        try {
            ExtractedDocument document = extractOrFail(event, uploaded, copy, started);
            if (document == null) {
                return;
            }
            String resultKey = results.store(document);
            progress(event, uploaded, 80, "Finding the topics of " + document.pages() + " pages", "graph");
            Understanding understanding = understand(document);
            events.publish(Topic.DOCUMENT_EXTRACTED, documentId, userId,
                    new DocumentExtracted(documentId, uploaded.requestId(), document.title(), document.language(),
                            document.pages(), document.characters(), document.sections().size(), resultKey,
                            understanding.graphKey(), understanding.chunksKey(), understanding.topics(),
                            millisSince(started)),
                    event, "extracted");
            progress(event, uploaded, 100, "Read " + document.pages() + " pages, " + document.sections().size()
                    + " sections", "done");
            Log.infof("Extracted document %s of user %s: %d pages, %d sections, %d characters", documentId, userId,
                    document.pages(), document.sections().size(), document.characters());
        } finally {
            deleteQuietly(copy);
        }
    }

    private record Understanding(String graphKey, String chunksKey, int topics) {
    }

    /** The knowledge graph and retrieval chunks; a document stays usable without them if they fail. */
    private Understanding understand(ExtractedDocument document) {
        try {
            long started = System.nanoTime();
            KnowledgeGraph graph = graphs.build(document);
            String graphKey = results.storeGraph(graph);
            String chunksKey = results.storeChunks(document.documentId(), chunker.chunks(document));
            Log.infof("Knowledge graph of document %s: %d phrases, %d topics in %d ms", document.documentId(),
                    graph.phrases().size(), graph.topics().size(), (System.nanoTime() - started) / 1_000_000);
            return new Understanding(graphKey, chunksKey, graph.topics().size());
        } catch (RuntimeException | StackOverflowError e) {
            Log.warnf(e, "Could not build the knowledge graph of document %s", document.documentId());
            return new Understanding(null, null, 0);
        }
    }

    /** The document, or null once its failure has been reported. */
    private ExtractedDocument extractOrFail(EventEnvelope event, DocumentUploaded uploaded, Path copy, long started) {
        ExtractionFailure failure;
        try {
            return extractor.extract(uploaded.documentId(), copy, uploaded.fileName(), pageProgress(event, uploaded),
                    results::storeFigure);
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
                new DocumentFailed(uploaded.documentId(), uploaded.requestId(), failure.code(), failure.getMessage(),
                        millisSince(started)),
                event, "failed");
        return null;
    }

    /** A worker killed while reading leaves its local copies behind; the next worker to start deletes them. */
    void removeOrphanedScratch(@Observes StartupEvent started) {
        int removed = ScratchSpace.ofThisProcess().removeOrphans();
        if (removed > 0) {
            Log.infof("Deleted the temporary files of %d worker process(es) that are gone", removed);
        }
    }

    /** Page progress, at most every tenth of the document (or every 20 pages when the count is unknown). */
    private PageListener pageProgress(EventEnvelope event, DocumentUploaded uploaded) {
        int[] reported = { 0 };
        return (page, pages) -> {
            int step = pages > 0 ? Math.max(5, pages / 10) : 20;
            if (page - reported[0] >= step) {
                reported[0] = page;
                int percent = pages > 0 ? Math.min(75, 5 + 70 * page / pages) : 40;
                progress(event, uploaded, percent, "Read page " + page + (pages > 0 ? " of " + pages : ""),
                        "page-" + page);
            }
        };
    }

    private void progress(EventEnvelope event, DocumentUploaded uploaded, int percent, String message, String step) {
        events.notifyUser(event.userId(), uploaded.requestId(),
                new ProgressUpdate(STAGE, percent, message, uploaded.documentId(), null), event, "progress-" + step);
    }

    private Path localCopy(String blobKey) {
        try {
            Path copy = ScratchSpace.ofThisProcess().newFile("extract-", ".bin");
            try (InputStream in = blobs.open(blobKey)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read blob " + blobKey, e);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
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
