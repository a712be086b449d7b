package io.slideo.content.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.content.service.ResearchService;
import io.slideo.model.event.ResearchCompleted;
import io.slideo.outbox.ProcessedEvents;
import io.smallrye.mutiny.Uni;

/** Stores what a worker's web research found; duplicates change nothing. */
@ApplicationScoped
public class ResearchCompletedConsumer {
    private final ProcessedEvents processed;
    private final ResearchService research;

    ResearchCompletedConsumer(ProcessedEvents processed, ResearchService research) {
        this.processed = processed;
        this.research = research;
    }

    @Incoming("research-completed")
    public Uni<Void> onCompleted(String record) {
        return processed.once(record, "research-completed",
                event -> research.record(event.userId(), event.payloadAs(ResearchCompleted.class)));
    }
}
