package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.worker.workflow.WritingWorkflow;
import io.smallrye.common.annotation.Blocking;

/** Writes the slides of every generation run (reading results from the blob store blocks). */
@ApplicationScoped
public class GenerationRequestConsumer {
    private final WritingWorkflow writing;

    GenerationRequestConsumer(WritingWorkflow writing) {
        this.writing = writing;
    }

    @Incoming("deck-generation-requested")
    @Blocking
    public void onGenerationRequested(String record) {
        writing.run(EventCodec.decode(record));
    }
}
