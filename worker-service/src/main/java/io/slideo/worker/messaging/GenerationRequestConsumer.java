package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationFailed;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.Topic;
import io.slideo.worker.workflow.WritingWorkflow;
import io.smallrye.common.annotation.Blocking;

/** Writes the slides of every generation run (reading results from the blob store blocks). */
@ApplicationScoped
public class GenerationRequestConsumer {
    private final WritingWorkflow writing;
    private final FailedWork failures;
    private final EventPublisher events;

    GenerationRequestConsumer(WritingWorkflow writing, FailedWork failures, EventPublisher events) {
        this.writing = writing;
        this.failures = failures;
        this.events = events;
    }

    @Incoming("deck-generation-requested")
    @Blocking
    public void onGenerationRequested(String record) {
        EventEnvelope event = EventCodec.decode(record);
        failures.run("deck-generation-requested", event, () -> writing.run(event), (failed, code, message) -> {
            GenerationRequested request = failed.payloadAs(GenerationRequested.class);
            events.publish(Topic.GENERATION_FAILED, request.deckId(), failed.userId(), new GenerationFailed(
                    request.deckId(), request.generationId(), request.requestId(), code, message), failed, "failed");
        });
    }
}
