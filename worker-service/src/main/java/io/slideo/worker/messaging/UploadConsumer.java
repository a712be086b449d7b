package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.DocumentUploaded;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.worker.service.ExtractionService;
import io.smallrye.common.annotation.Blocking;

/** Extracts every uploaded document; parsing blocks, so it runs on a worker thread, one record at a time. */
@ApplicationScoped
public class UploadConsumer {
    private final ExtractionService extraction;
    private final FailedWork failures;
    private final EventPublisher events;

    UploadConsumer(ExtractionService extraction, FailedWork failures, EventPublisher events) {
        this.extraction = extraction;
        this.failures = failures;
        this.events = events;
    }

    @Incoming("document-uploaded")
    @Blocking
    public void onUploaded(String record) {
        EventEnvelope event = EventCodec.decode(record);
        failures.run("document-uploaded", event, () -> extraction.extract(event), (failed, code, message) -> {
            DocumentUploaded uploaded = failed.payloadAs(DocumentUploaded.class);
            events.publish(Topic.DOCUMENT_FAILED, uploaded.documentId(), failed.userId(),
                    new DocumentFailed(uploaded.documentId(), uploaded.requestId(), code, message), failed, "unexpected");
        });
    }
}
