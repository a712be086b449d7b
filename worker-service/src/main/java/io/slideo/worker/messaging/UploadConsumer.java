package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.worker.service.ExtractionService;
import io.smallrye.common.annotation.Blocking;

/** Extracts every uploaded document; parsing blocks, so it runs on a worker thread, one record at a time. */
@ApplicationScoped
public class UploadConsumer {
    private final ExtractionService extraction;

    UploadConsumer(ExtractionService extraction) {
        this.extraction = extraction;
    }

    @Incoming("document-uploaded")
    @Blocking
    public void onUploaded(String record) {
        extraction.extract(EventCodec.decode(record));
    }
}
