package io.slideo.document.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.document.service.DocumentService;
import io.slideo.document.service.ExtractionQueue;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.EventCodec;
import io.slideo.outbox.ProcessedEvents;
import io.smallrye.mutiny.Uni;

/**
 * Moves a document to extracted or failed when a worker reports on it (duplicates change nothing),
 * then gives its user's place to their next waiting document.
 */
@ApplicationScoped
public class ExtractionResultConsumer {
    private final ProcessedEvents processed;
    private final DocumentService documents;
    private final ExtractionQueue queue;

    ExtractionResultConsumer(ProcessedEvents processed, DocumentService documents, ExtractionQueue queue) {
        this.processed = processed;
        this.documents = documents;
        this.queue = queue;
    }

    @Incoming("document-extracted")
    public Uni<Void> onExtracted(String record) {
        return processed.once(record, "document-extracted",
                event -> documents.markExtracted(event.userId(), event.payloadAs(DocumentExtracted.class)))
                .call(() -> queue.dispatchLater(EventCodec.decode(record).userId()));
    }

    @Incoming("document-failed")
    public Uni<Void> onFailed(String record) {
        return processed.once(record, "document-failed",
                event -> documents.markFailed(event.userId(), event.payloadAs(DocumentFailed.class)))
                .call(() -> queue.dispatchLater(EventCodec.decode(record).userId()));
    }
}
