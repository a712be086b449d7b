package io.slideo.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.deck.Bullet;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.extraction.Parsers;
import io.slideo.worker.graph.KnowledgeGraphBuilder;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.text.Chunker;
import io.slideo.worker.workflow.PlanningWorkflow;
import io.slideo.worker.workflow.WritingWorkflow;

/**
 * The corpus's longest document, many times the model's context (4096 tokens here): the plan is
 * drafted from a map sampled from its first to its last section, each slide from the chunks
 * retrieved for it, so the deck's sources span the whole book and every prompt fits the context.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeModelServerResource.class, restrictToAnnotatedClass = true)
class LongDocumentTest {
    private static final String BOOK = "book-free-culture-lessig.pdf";
    private static final int SLIDES = 12;

    @Inject
    ExtractionResults results;
    @Inject
    KnowledgeGraphBuilder graphs;
    @Inject
    PlanningWorkflow planning;
    @Inject
    WritingWorkflow writing;

    private final String user = TestTokens.newUser();
    private final FakeModelServer server = FakeModelServerResource.server();

    @Test
    void aDocumentFarLargerThanTheContextYieldsSlidesWhoseSourcesSpanTheWholeDocument() throws Exception {
        String model = "fake-long";
        String documentId = UUID.randomUUID().toString();
        ExtractedDocument book;
        DocumentExtractor.Limits limits = new DocumentExtractor.Limits(Duration.ofMinutes(5), 50_000_000, 1L << 30,
                20_000, Set.of("application/pdf"), false);
        try (DocumentExtractor extractor = new DocumentExtractor(limits, Parsers.standard())) {
            book = extractor.extract(documentId, RepositoryPaths.corpusFile(BOOK), BOOK);
        }
        results.store(book);
        results.storeGraph(graphs.build(book));
        results.storeChunks(documentId, new Chunker(1200).chunks(book));
        assertTrue(book.characters() / 4 > 20L * FakeModelServerResource.CONTEXT_TOKENS,
                "the book (" + book.characters() + " characters) is many contexts long");

        String planId = UUID.randomUUID().toString();
        planning.run(EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user, new PlanRequested(planId, "req-" + planId,
                "What the book argues about culture and law", SLIDES, List.of(documentId), null, false, model)));
        PlanDrafted plan = KafkaTestClient.await(Topic.PLAN_DRAFTED, e -> e.aggregateId().equals(planId), 1,
                Duration.ofSeconds(60)).get(0).payloadAs(PlanDrafted.class);
        assertEquals("model:" + model, plan.generator());
        assertEquals(SLIDES, plan.slides().size());

        String generationId = UUID.randomUUID().toString();
        writing.run(EventEnvelope.of(Topic.GENERATION_REQUESTED, planId, user, new GenerationRequested(planId,
                generationId, "req-" + generationId, plan.title(), null, List.of(documentId), plan.slides(), null, model)));
        List<SlideGenerated> slides = KafkaTestClient.await(Topic.SLIDE_GENERATED, e -> e.aggregateId().equals(planId),
                SLIDES, Duration.ofSeconds(60)).stream().map(e -> e.payloadAs(SlideGenerated.class)).toList();
        assertEquals(SLIDES, slides.size());
        assertTrue(slides.stream().allMatch(s -> s.generator().equals("model:" + model)), "the model wrote every slide");

        TreeSet<Integer> pages = new TreeSet<>();
        for (SlideGenerated slide : slides) {
            for (Bullet bullet : slide.bullets()) {
                if (bullet.source() != null && bullet.source().page() != null) {
                    pages.add(bullet.source().page());
                }
            }
        }
        int fifth = Math.max(1, book.pages() / 5);
        for (int part = 0; part < 5; part++) {
            int from = part * fifth + 1;
            int to = part == 4 ? book.pages() : (part + 1) * fifth;
            assertTrue(!pages.subSet(from, true, to, true).isEmpty(), "a slide draws on pages " + from + "-" + to
                    + " of " + book.pages() + "; the sources were " + pages);
        }
        int largest = server.largestPrompt(model);
        io.quarkus.logging.Log.infof("Long document: %d pages, %d characters; slide sources on pages %s; largest prompt"
                + " %d characters (context %d tokens)", book.pages(), book.characters(), pages, largest,
                FakeModelServerResource.CONTEXT_TOKENS);
        assertTrue(largest <= FakeModelServerResource.CONTEXT_TOKENS * 3.5, "every prompt fits the context: the largest"
                + " was " + largest + " characters");
    }
}
