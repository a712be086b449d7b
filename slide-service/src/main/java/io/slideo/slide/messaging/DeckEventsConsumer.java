package io.slideo.slide.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.SlideGenerated;
import io.slideo.outbox.ProcessedEvents;
import io.slideo.slide.service.DeckService;
import io.smallrye.mutiny.Uni;

/** Applies plans, written slides and completions; each event is applied once, however often it arrives. */
@ApplicationScoped
public class DeckEventsConsumer {
    private final ProcessedEvents processed;
    private final DeckService decks;

    DeckEventsConsumer(ProcessedEvents processed, DeckService decks) {
        this.processed = processed;
        this.decks = decks;
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
}
