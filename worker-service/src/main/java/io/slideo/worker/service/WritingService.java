package io.slideo.worker.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.writing.SlideWriter;

/** Writes the requested slides of a deck, one event per slide, then says the run is complete. Blocking. */
@ApplicationScoped
public class WritingService {
    private static final String STAGE = "writing";

    private final ExtractionResults results;
    private final EventPublisher events;
    private final WorkerConfig config;

    WritingService(ExtractionResults results, EventPublisher events, WorkerConfig config) {
        this.results = results;
        this.events = events;
        this.config = config;
    }

    public void write(EventEnvelope event) {
        GenerationRequested request = event.payloadAs(GenerationRequested.class);
        String userId = event.userId();
        String deckId = request.deckId();
        List<PlannedSlide> slides = request.slides() == null ? List.of() : request.slides();
        int total = slides.size();
        progress(event, request, 0, "Writing " + total + " slides", "start");
        List<ExtractedDocument> documents = new ArrayList<>();
        for (String documentId : request.documentIds() == null ? List.<String>of() : request.documentIds()) {
            results.load(documentId).ifPresentOrElse(documents::add,
                    () -> Log.infof("Deck %s: document %s has no extraction result; writing from the plan alone",
                            deckId, documentId));
        }
        SlideWriter writer = new SlideWriter(config.outline().maxBulletWords(), config.outline().maxBullets(), documents);
        for (int i = 0; i < total; i++) {
            PlannedSlide slide = slides.get(i);
            SlideWriter.Written written = writer.write(slide, request.title(), request.documentIds());
            events.publish(Topic.SLIDE_GENERATED, deckId, userId, new SlideGenerated(deckId, request.generationId(),
                    request.requestId(), slide.index(), total, slide.title(), slide.layout(), written.bullets(),
                    written.notes(), SlideWriter.GENERATOR), event, "slide-" + slide.index());
            progress(event, request, (i + 1) * 100 / total, "Wrote slide " + (i + 1) + " of " + total,
                    "slide-" + slide.index());
        }
        events.publish(Topic.DECK_COMPLETED, deckId, userId,
                new DeckCompleted(deckId, request.generationId(), request.requestId(), total), event, "completed");
        Log.infof("Wrote %d slides of deck %s (generation %s) for user %s", total, deckId, request.generationId(), userId);
    }

    private void progress(EventEnvelope event, GenerationRequested request, int percent, String message, String step) {
        events.notifyUser(event.userId(), request.requestId(),
                new ProgressUpdate(STAGE, percent, message, null, request.deckId()), event, "progress-" + step);
    }
}
