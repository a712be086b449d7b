package io.slideo.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.slideo.model.deck.Bullet;
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
import io.slideo.worker.repository.ChunkVectors;
import io.slideo.worker.retrieval.LocalEmbeddings;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.text.Chunker;
import io.slideo.worker.workflow.WritingWorkflow;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * With an embedding model configured, a slide is written from the chunks that mean what it is about,
 * even when they share none of its words: here "Automobile safety" finds the section on cars. The
 * vectors are computed once per document; without embeddings the slide has only the page it cited.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeModelServerResource.class, restrictToAnnotatedClass = true)
class SemanticRetrievalTest {
    private static final String MODEL = "fake-semantic";
    private static final int CARS_PAGE = 4;

    @Inject
    ExtractionResults results;
    @Inject
    ChunkVectors vectors;
    @Inject
    WritingWorkflow writing;
    @Inject
    CircuitBreakerMaintenance breakers;

    private final String user = TestTokens.newUser();
    private final FakeModelServer server = FakeModelServerResource.server();

    @Test
    void aSlideFindsTheSectionThatMeansWhatItIsAboutInOtherWordsAndVectorsAreComputedOnce() {
        String documentId = storedDocument();

        Set<Integer> pages = citedPages(writeSlide(documentId));
        assertTrue(pages.contains(CARS_PAGE), "the section on cars is found by meaning: " + pages);
        assertTrue(pages.contains(1), "the page the plan cited stays: " + pages);
        assertTrue(vectors.load(documentId, "fake-embed", results.loadChunks(documentId).map(List::size)
                .orElseThrow()).isPresent(), "the chunks' vectors are kept");
        assertFalse(vectors.load(documentId, LocalEmbeddings.MODEL, results.loadChunks(documentId).map(List::size)
                .orElseThrow()).isPresent(), "with an embedding API configured, the model inside the worker is not used");

        int embeddedBefore = server.embeddedTexts();
        assertTrue(citedPages(writeSlide(documentId)).contains(CARS_PAGE));
        assertEquals(1, server.embeddedTexts() - embeddedBefore, "a second deck embeds only its slide's query");
    }

    @Test
    void whenTheEmbeddingServerFailsTheSlideIsStillWrittenFromItsWords() {
        String documentId = storedDocument();
        server.embeddingsFail(true);
        try {
            SlideGenerated slide = writeSlide(documentId);
            assertFalse(slide.bullets().isEmpty());
            assertEquals(Set.of(1), citedPages(slide), "only the cited page, found without embeddings");
        } finally {
            server.embeddingsFail(false);
            breakers.reset("model:127.0.0.1:" + server.port() + "/v1#fake-embed");
        }
    }

    private SlideGenerated writeSlide(String documentId) {
        String deckId = UUID.randomUUID().toString();
        String generationId = UUID.randomUUID().toString();
        // None of these words occurs in the document; the plan cites page 1, which is about roads.
        PlannedSlide slide = new PlannedSlide(0, "Automobile safety", SlideLayout.BULLETS,
                List.of("Automobile protection"), List.of(new SourceRef(documentId, 1)));
        writing.run(EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user, new GenerationRequested(deckId,
                generationId, "req-" + generationId, "Getting around", null, List.of(documentId), List.of(slide), null,
                MODEL)));
        return KafkaTestClient.await(Topic.SLIDE_GENERATED, e -> e.aggregateId().equals(deckId), 1,
                Duration.ofSeconds(30)).get(0).payloadAs(SlideGenerated.class);
    }

    private static Set<Integer> citedPages(SlideGenerated slide) {
        return slide.bullets().stream().map(Bullet::source).filter(s -> s != null && s.page() != null)
                .map(SourceRef::page).collect(Collectors.toSet());
    }

    private String storedDocument() {
        String id = UUID.randomUUID().toString();
        String[][] sections = {
                { "Roads", "Roads connect towns and cities across the country, built from asphalt and gravel." },
                { "Weather", "Rain and snow change how people travel during the winter months." },
                { "Trains", "Trains carry freight and passengers along steel rails between stations." },
                { "Cars", "Cars with airbags and crumple zones keep drivers alive in crashes; each vehicle is tested." },
                { "Bridges", "Bridges span rivers and valleys, and engineers inspect their cables every year." } };
        List<Section> built = new ArrayList<>();
        for (int s = 0; s < sections.length; s++) {
            built.add(new Section(sections[s][0], 1, s + 1, s + 1, List.of(Block.paragraph(sections[s][1], s + 1))));
        }
        ExtractedDocument document = new ExtractedDocument(id, "Getting around", "en", "application/pdf",
                sections.length, 600, Map.of(), built);
        results.store(document);
        results.storeChunks(id, new Chunker(1200).chunks(document));
        return id;
    }
}
