package io.slideo.slide.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.GenerationFailed;
import io.slideo.model.event.SlideGenerated;
import io.slideo.outbox.ProcessedEvents;
import io.slideo.slide.service.DeckService;
import io.slideo.slide.service.FailedGenerations;
import io.smallrye.mutiny.Uni;

/** Applies plans, written slides, completions and failed runs; each event is applied once, however often it arrives. */
@ApplicationScoped
public class DeckEventsConsumer {
    private final ProcessedEvents processed;
    private final DeckService decks;
    private final FailedGenerations failures;

    DeckEventsConsumer(ProcessedEvents processed, DeckService decks, FailedGenerations failures) {
        this.processed = processed;
        this.decks = decks;
        this.failures = failures;
    }

    @Incoming("deck-planned")
    public Uni<Void> onPlanned(String record) {
        return processed.once(record, "deck-planned",
                event -> decks.applyPlan(event.userId(), event.payloadAs(DeckPlanned.class)));
    }

    @Incoming("slide-generated")
    public Uni<Void> onSlideGenerated(String record) {
        return processed.once(record, "slide-generated",
                event -> decks.recordSlide(event.payloadAs(SlideGenerated.class)));
    }

    @Incoming("deck-completed")
    public Uni<Void> onDeckCompleted(String record) {
        return processed.once(record, "deck-completed",
                event -> decks.recordCompletion(event.payloadAs(DeckCompleted.class)));
    }

    @Incoming("generation-failed")
    public Uni<Void> onGenerationFailed(String record) {
        return processed.once(record, "generation-failed",
                event -> failures.record(event.payloadAs(GenerationFailed.class)));
    }
}
