package io.slideo.worker.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;
import io.slideo.worker.repository.DeliveredSlides;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.TextCleanup;

/**
 * The writing workflow against the real PostgreSQL (checkpoints) and Kafka, run directly (not from a
 * Kafka record), so no other worker can take part.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class WritingWorkflowTest {
    @Inject
    WritingWorkflow workflow;
    @Inject
    DeliveredSlides delivered;
    @Inject
    ExtractionResults results;
    @Inject
    PostgresCheckpointSaver saver;

    private final String user = TestTokens.newUser();

    @Test
    void aRunTakenOverAfterACrashWritesOnlyTheSlidesThatWereNotDelivered() {
        String documentId = storedDocument();
        EventEnvelope request = request(documentId, 6);
        GenerationRequested generation = request.payloadAs(GenerationRequested.class);
        // The first worker delivered slides 0 to 2, then died.
        for (int i = 0; i < 3; i++) {
            delivered.record(new SlideGenerated(generation.deckId(), generation.generationId(), null, i, 6, "Slide " + i,
                    SlideLayout.BULLETS, List.of(), "", "offline"));
        }

        workflow.run(request);

        List<SlideGenerated> slides = slidesOf(generation.deckId(), 3);
        assertEquals(Set.of(3, 4, 5), slides.stream().map(SlideGenerated::slideIndex).collect(Collectors.toSet()));
        assertEquals(3, slides.size(), "no slide written twice");
        assertEquals(1, KafkaTestClient.await(Topic.DECK_COMPLETED, e -> e.aggregateId().equals(generation.deckId()), 1,
                Duration.ofSeconds(20)).size());
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), delivered.indexes(generation.generationId()));
        assertTrue(saver.released("generation:" + generation.generationId()), "the finished run is released");
    }

    @Test
    void everyDeliveredSlidePassedTheQualityGateAndARepeatedRequestChangesNothing() {
        String documentId = storedDocument();
        EventEnvelope request = request(documentId, 5);
        GenerationRequested generation = request.payloadAs(GenerationRequested.class);

        workflow.run(request);
        workflow.run(request); // the same record again, as after a rebalance

        List<SlideGenerated> slides = slidesOf(generation.deckId(), 5);
        assertEquals(5, slides.size());
        for (SlideGenerated slide : slides) {
            assertTrue(slide.quality() != null && slide.quality().passed(), slide.title() + ": " + slide.quality());
            assertTrue(slide.bullets().stream().allMatch(b -> b.source() != null && !BulletText.endsMidClause(b.text())
                    && TextCleanup.wordCount(b.text()) <= BulletText.longestWhole(14)),
                    slide.bullets().toString());
        }
        assertEquals(1, KafkaTestClient.await(Topic.DECK_COMPLETED, e -> e.aggregateId().equals(generation.deckId()), 2,
                Duration.ofSeconds(8)).size(), "completed once");
    }

    private List<SlideGenerated> slidesOf(String deckId, int expected) {
        // Events are checked by id: a resumed run re-sends exactly what it re-sends.
        return KafkaTestClient.await(Topic.SLIDE_GENERATED, e -> e.aggregateId().equals(deckId), expected + 3,
                Duration.ofSeconds(12)).stream()
                .map(e -> e.payloadAs(SlideGenerated.class)).toList();
    }

    private String storedDocument() {
        String id = UUID.randomUUID().toString();
        List<Section> sections = new ArrayList<>();
        String[] topics = { "Engines", "Brakes", "Tyres", "Steering", "Lights", "Mirrors" };
        for (int s = 0; s < topics.length; s++) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                blocks.add(Block.paragraph(topics[s] + " matter for safety in many ways, reason number " + i
                        + " being that drivers rely on them every day.", s + 1));
            }
            sections.add(new Section(topics[s], 1, s + 1, s + 1, blocks));
        }
        results.store(new ExtractedDocument(id, "Car parts", "en", "application/pdf", 6, 4000, Map.of(), sections));
        return id;
    }

    private EventEnvelope request(String documentId, int count) {
        String deckId = UUID.randomUUID().toString();
        List<PlannedSlide> slides = new ArrayList<>();
        String[] topics = { "Car parts", "Engines", "Brakes", "Tyres", "Steering", "Lights" };
        for (int i = 0; i < count; i++) {
            slides.add(new PlannedSlide(i, topics[i], i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of(topics[i] + " matter for safety in many ways"), List.of(new SourceRef(documentId, i + 1))));
        }
        return EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user, new GenerationRequested(deckId,
                UUID.randomUUID().toString(), "req-" + deckId, "Car parts", null, List.of(documentId), slides, null));
    }
}
