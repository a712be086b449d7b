package io.slideo.worker.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.worker.model.FakeModelServer;
import io.slideo.worker.model.FakeModelServerResource;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.workflow.PlanningWorkflow;
import io.slideo.worker.workflow.WritingWorkflow;

/**
 * The worker's part of a trace, read from an in-memory exporter: each workflow step, each slide and
 * each model call is a span, a model call carrying the tokens the model server reported. Runs are
 * started under a span of the test's own, as the Kafka consumer's span would be.
 */
@QuarkusTest
@TestProfile(SpansInMemory.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeModelServerResource.class, restrictToAnnotatedClass = true)
class WorkflowTracingTest {
    @Inject
    PlanningWorkflow planning;
    @Inject
    WritingWorkflow writing;
    @Inject
    ExtractionResults results;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    Tracer tracer;

    private final String user = TestTokens.newUser();
    private final FakeModelServer server = FakeModelServerResource.server();

    @Test
    void aPlanningRunIsOneSpanPerStepAndTheOutlinesModelCallCarriesItsTokens() {
        String planId = UUID.randomUUID().toString();
        SpanData record = underARecordSpan(() -> planning.run(EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user,
                new PlanRequested(planId, "req-" + planId, "Car safety " + planId, 4, List.of(storedDocument()), null, false,
                        "fake-plan"))));

        List<SpanData> steps = awaitSpans(s -> ("plan:" + planId).equals(s.getAttributes().get(WorkSpans.WORKFLOW_THREAD)),
                4);
        assertEquals(Set.of("plan gather_context", "plan research", "plan outline", "plan publish"),
                steps.stream().map(SpanData::getName).collect(Collectors.toSet()));
        assertTrue(steps.stream().allMatch(s -> s.getParentSpanId().equals(record.getSpanId())),
                "every step is a child of the record's span");
        SpanData outline = steps.stream().filter(s -> s.getName().equals("plan outline")).findFirst().orElseThrow();

        SpanData call = awaitSpans(s -> s.getParentSpanId().equals(outline.getSpanId())
                && s.getName().equals("chat fake-plan"), 1).get(0);
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals("fake-plan", call.getAttributes().get(ModelCallSpan.REQUEST_MODEL));
        assertEquals("chat", call.getAttributes().get(ModelCallSpan.OPERATION));
        FakeModelServer.Call served = server.calls("fake-plan").stream().filter(c -> c.kind().equals("plan"))
                .findFirst().orElseThrow();
        assertEquals(served.promptCharacters() / 4, call.getAttributes().get(ModelCallSpan.INPUT_TOKENS),
                "the input tokens the server reported");
        Long output = call.getAttributes().get(ModelCallSpan.OUTPUT_TOKENS);
        assertTrue(output != null && output > 0, "output tokens: " + output);
        assertNull(call.getAttributes().get(ModelCallSpan.TOKENS_ESTIMATED), "reported, not estimated");
    }

    @Test
    void eachSlideIsASpanUnderTheWritingStepWithItsModelCallBeneathIt() {
        String deckId = UUID.randomUUID().toString();
        String generationId = UUID.randomUUID().toString();
        String documentId = storedDocument();
        List<PlannedSlide> planned = new ArrayList<>();
        String[] titles = { "Car parts", "Engines", "Brakes" };
        for (int i = 0; i < titles.length; i++) {
            planned.add(new PlannedSlide(i, titles[i], i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of(titles[i] + " matter for safety in many ways"), List.of(new SourceRef(documentId, i + 1))));
        }
        underARecordSpan(() -> writing.run(EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user,
                // A title of its own: an identical prompt would be answered from the cache, with no call.
                new GenerationRequested(deckId, generationId, "req-" + generationId, "Car parts " + deckId, null,
                        List.of(documentId), planned, null, "fake-normal"))));

        SpanData step = awaitSpans(s -> s.getName().equals("generation write_slides")
                && ("generation:" + generationId).equals(s.getAttributes().get(WorkSpans.WORKFLOW_THREAD)), 1).get(0);
        List<SpanData> slides = awaitSpans(s -> s.getName().equals("write slide")
                && deckId.equals(s.getAttributes().get(WorkSpans.DECK)), titles.length);
        assertEquals(Set.of(0L, 1L, 2L), slides.stream().map(s -> s.getAttributes().get(WorkSpans.SLIDE))
                .collect(Collectors.toSet()));
        for (SpanData slide : slides) {
            assertEquals(step.getSpanId(), slide.getParentSpanId(), "a slide writer thread keeps the step as parent");
            List<SpanData> calls = awaitSpans(s -> s.getParentSpanId().equals(slide.getSpanId())
                    && s.getName().equals("chat fake-normal"), 1);
            assertFalse(calls.isEmpty());
        }
    }

    /** Runs {@code work} under a span of its own, as a consumed record's would be; that span, once ended. */
    private SpanData underARecordSpan(Runnable work) {
        Span record = tracer.spanBuilder("record").setSpanKind(SpanKind.CONSUMER).startSpan();
        try (Scope ignored = record.makeCurrent()) {
            work.run();
        } finally {
            record.end();
        }
        String id = record.getSpanContext().getSpanId();
        return awaitSpans(s -> s.getSpanId().equals(id), 1).get(0);
    }

    private List<SpanData> awaitSpans(Predicate<SpanData> wanted, int count) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> spans.getFinishedSpanItems().stream().filter(wanted).toList(), found -> found.size() >= count);
    }

    private String storedDocument() {
        String id = UUID.randomUUID().toString();
        List<Section> sections = new ArrayList<>();
        String[] topics = { "Engines", "Brakes", "Tyres", "Steering", "Lights" };
        for (int s = 0; s < topics.length; s++) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                blocks.add(Block.paragraph(topics[s] + " matter for safety in many ways, reason number " + i
                        + " being that drivers rely on " + topics[s].toLowerCase() + " every day.", s + 1));
            }
            sections.add(new Section(topics[s], 1, s + 1, s + 1, blocks));
        }
        results.store(new ExtractedDocument(id, "Car parts " + id, "en", "application/pdf", 5, 3000, Map.of(), sections));
        return id;
    }
}
