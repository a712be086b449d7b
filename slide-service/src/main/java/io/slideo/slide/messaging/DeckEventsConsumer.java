package io.slideo.slide.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
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
        EventEnvelope event = EventCodec.decode(record);
        return processed.once(event, "deck-planned",
                () -> decks.applyPlan(event.userId(), event.payloadAs(DeckPlanned.class)));
    }

    @Incoming("slide-generated")
    public Uni<Void> onSlideGenerated(String record) {
        EventEnvelope event = EventCodec.decode(record);
        return processed.once(event, "slide-generated", () -> decks.recordSlide(event.payloadAs(SlideGenerated.class)));
    }

    @Incoming("deck-completed")
    public Uni<Void> onDeckCompleted(String record) {
        EventEnvelope event = EventCodec.decode(record);
        return processed.once(event, "deck-completed",
                () -> decks.recordCompletion(event.payloadAs(DeckCompleted.class)));
    }
}
