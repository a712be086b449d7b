package io.slideo.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.Notification;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.ResearchCompleted;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;
import io.slideo.worker.model.FakeModelServer.Call;
import io.slideo.worker.model.FakeModelServer.Mode;
import io.slideo.worker.prompt.MissingPromptVariable;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.workflow.PlanningWorkflow;
import io.slideo.worker.workflow.WritingWorkflow;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The model path end to end against a local server speaking the OpenAI chat completions API (and
 * Tavily's and Firecrawl's): the real langchain4j client makes every call; the workflows publish to
 * the real Kafka and checkpoint in the real PostgreSQL; answers are cached in the real Redis.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeModelServerResource.class, restrictToAnnotatedClass = true)
class ModelPathTest {
    @Inject
    WritingWorkflow writing;
    @Inject
    PlanningWorkflow planning;
    @Inject
    ExtractionResults results;
    @Inject
    ModelCalls calls;
    @Inject
    ModelEndpoints endpoints;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    MeterRegistry registry;

    private final String user = TestTokens.newUser();
    private final FakeModelServer server = FakeModelServerResource.server();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyWayAModelServerMisbehavesEndsInACompleteDeck(Mode mode) {
        String model = "fake-" + mode.name().toLowerCase();
        int times = switch (mode) {
            case RATE_LIMITED -> 2;
            case ERROR_500 -> 1; // one of four calls fails: under the breaker's ratio, so the retry goes through
            case NORMAL -> 0;
            default -> -1;
        };
        server.mode(model, mode, times);
        String documentId = storedDocument();

        List<SlideGenerated> slides = writeDeck(documentId, model, 4);

        assertEquals(4, slides.size(), mode + ": every slide delivered");
        for (SlideGenerated slide : slides) {
            assertFalse(slide.bullets().isEmpty() && slide.layout() != SlideLayout.TITLE, slide.toString());
            assertTrue(slide.bullets().stream().allMatch(b -> b.source() != null && documentId.equals(b.source().documentId())),
                    "every bullet keeps its source: " + slide.bullets());
            if (mode == Mode.HANG) {
                assertEquals(WritingWorkflow.FALLBACK, slide.generator(), "a hung model leaves the slide to the offline writer");
                assertTrue(slide.quality().actions().stream().anyMatch(a -> a.contains("offline writer")
                        && a.contains("did not answer in time") || a.contains("paused")), slide.quality().actions().toString());
            } else {
                assertEquals("model:" + model, slide.generator(), mode + " ends with the model's slide");
            }
        }
        List<Call> seen = server.calls(model);
        switch (mode) {
            case MALFORMED -> assertTrue(seen.stream().noneMatch(Call::repair), "prose, fences and trailing commas are read as they are");
            case TRUNCATED, WRONG_SCHEMA -> assertTrue(seen.stream().filter(Call::repair).count() >= 3,
                    "an unusable answer is repaired: " + seen);
            case RATE_LIMITED -> {
                List<Call> limited = seen.stream().filter(c -> c.status() == 429).toList();
                assertEquals(2, limited.size());
                for (Call refused : limited) {
                    long retried = seen.stream().filter(c -> c.prompt() == refused.prompt() && c.atMillis() > refused.atMillis())
                            .mapToLong(Call::atMillis).min().orElseThrow();
                    assertTrue(retried - refused.atMillis() >= 950, "Retry-After: 1 is waited out before the same call"
                            + " is retried (" + (retried - refused.atMillis()) + " ms)");
                }
            }
            case ERROR_500 -> assertEquals(1, seen.stream().filter(c -> c.status() == 500).count());
            case HANG -> assertTrue(seen.size() >= 3, "a hung call is timed out and retried: " + seen.size());
            default -> {
            }
        }
    }

    @Test
    void theCircuitBreakerOfAnEndpointOpensOnFailuresAndClosesAfterItsDelay() throws Exception {
        String model = "fake-breaker";
        ModelEndpoint endpoint = endpoints.endpoint(model);
        server.mode(model, Mode.ERROR_500, -1);
        for (int i = 0; i < 4 && breakers.currentState(endpoint.breaker()) != CircuitBreakerState.OPEN; i++) {
            assertThrows(ModelUnavailable.class, () -> ask(endpoint, "first " + UUID.randomUUID()));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(endpoint.breaker()));
        int sent = server.calls(model).size();
        ModelUnavailable refused = assertThrows(ModelUnavailable.class, () -> ask(endpoint, "refused " + UUID.randomUUID()));
        assertTrue(refused.getMessage().contains("paused"), refused.getMessage());
        assertEquals(sent, server.calls(model).size(), "an open breaker sends nothing");

        server.mode(model, Mode.NORMAL, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Answers.Notes answer = null;
        while (answer == null && System.nanoTime() < deadline) {
            try {
                answer = ask(endpoint, "after " + UUID.randomUUID());
            } catch (ModelUnavailable stillOpen) {
                Thread.sleep(250);
            }
        }
        assertNotNull(answer, "the breaker lets a trial call through after its delay");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(endpoint.breaker()));
    }

    @Test
    void aMissingTemplateVariableFailsBeforeAnyCallNamingIt() {
        String model = "fake-template";
        ModelEndpoint endpoint = endpoints.endpoint(model);
        Map<String, Object> variables = new HashMap<>();
        variables.put("slideTitle", "Engines");
        variables.put("passages", List.of());
        MissingPromptVariable missing = assertThrows(MissingPromptVariable.class, () -> calls.ask(endpoint, "speaker-notes",
                variables, Answers.Notes.class, n -> List.of(), new Usage(user, "deck")));
        assertEquals("bullets", missing.variable());
        assertTrue(missing.getMessage().contains("'bullets'") && missing.getMessage().contains("speaker-notes@v1"),
                missing.getMessage());
        assertEquals(0, server.calls(model).size(), "nothing was sent");
    }

    @Test
    void anIdenticalPromptIsAnsweredFromTheCacheWithoutACall() {
        String model = "fake-cache";
        ModelEndpoint endpoint = endpoints.endpoint(model);
        String title = "Cached " + UUID.randomUUID();
        Answers.Notes first = ask(endpoint, title);
        Answers.Notes second = ask(endpoint, title);
        assertEquals(first, second);
        assertEquals(1, server.calls(model).size(), "the second answer came from Redis");
        ask(endpoint, title + " changed");
        assertEquals(2, server.calls(model).size(), "a different prompt is a different key");
    }

    @Test
    void aPlanTheModelCannotDraftIsDraftedOfflineAndTheUserIsTold() {
        String model = "fake-down";
        server.mode(model, Mode.ERROR_500, -1);
        String documentId = storedDocument();
        String planId = UUID.randomUUID().toString();
        planning.run(EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user, new PlanRequested(planId, "req-" + planId,
                "Car safety", 5, List.of(documentId), null, false, model)));

        PlanDrafted plan = KafkaTestClient.await(Topic.PLAN_DRAFTED, e -> e.aggregateId().equals(planId), 1,
                Duration.ofSeconds(30)).get(0).payloadAs(PlanDrafted.class);
        assertEquals("offline", plan.generator());
        assertEquals(5, plan.slides().size());
        assertTrue(notifications(planId).stream().anyMatch(m -> m.contains("could not draft the outline")
                && m.contains("offline planner")), "the user is told");
    }

    @Test
    void aPlanWithResearchCitesItsWebSourcesInThePlanAndTheSpeakerNotes() {
        String model = "fake-research";
        String documentId = storedDocument();
        String planId = UUID.randomUUID().toString();
        planning.run(EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user, new PlanRequested(planId, "req-" + planId,
                "Car safety trends", 5, List.of(documentId), null, true, model)));

        ResearchCompleted research = KafkaTestClient.await(Topic.RESEARCH_COMPLETED, e -> e.aggregateId().equals(planId),
                1, Duration.ofSeconds(30)).get(0).payloadAs(ResearchCompleted.class);
        assertEquals(3, research.sources().size());
        for (ResearchCompleted.ResearchSource source : research.sources()) {
            assertTrue(source.url().startsWith("https://research.example/"), source.url());
            assertFalse(source.content().contains("<") || source.content().contains("alert")
                    || source.title().contains("<b>"), "pages are sanitised: " + source);
        }
        PlanDrafted plan = KafkaTestClient.await(Topic.PLAN_DRAFTED, e -> e.aggregateId().equals(planId), 1,
                Duration.ofSeconds(30)).get(0).payloadAs(PlanDrafted.class);
        assertEquals("model:" + model, plan.generator());
        assertTrue(plan.slides().stream().skip(2).limit(2).allMatch(s -> s.sources().stream()
                .allMatch(r -> documentId.equals(r.documentId()) && r.page() != null)), plan.slides().toString());

        String generationId = UUID.randomUUID().toString();
        writing.run(EventEnvelope.of(Topic.GENERATION_REQUESTED, planId, user, new GenerationRequested(planId, generationId,
                "req-" + generationId, plan.title(), null, List.of(documentId), plan.slides(), null, model)));
        List<SlideGenerated> slides = slidesOf(planId, generationId, 5);
        assertTrue(slides.stream().filter(s -> s.layout() == SlideLayout.BULLETS)
                .allMatch(s -> s.notes().contains("[W1]") && s.notes().contains("https://research.example/1")),
                "the notes cite the web sources");
    }

    @Test
    void aFailingResearchServiceIsReportedAsWorthRetryingAndThePlanStillCompletes() {
        server.researchFails(true);
        try {
            String documentId = storedDocument();
            String planId = UUID.randomUUID().toString();
            planning.run(EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user, new PlanRequested(planId, "req-" + planId,
                    "Car safety trends", 4, List.of(documentId), null, true, "fake-plan")));

            ResearchCompleted research = KafkaTestClient.await(Topic.RESEARCH_COMPLETED,
                    e -> e.aggregateId().equals(planId), 1, Duration.ofSeconds(60)).get(0).payloadAs(ResearchCompleted.class);
            assertTrue(research.sources().isEmpty());
            assertTrue(research.message().startsWith("Web research failed") && research.message().contains("Try again later"),
                    research.message());
            PlanDrafted plan = KafkaTestClient.await(Topic.PLAN_DRAFTED, e -> e.aggregateId().equals(planId), 1,
                    Duration.ofSeconds(30)).get(0).payloadAs(PlanDrafted.class);
            assertEquals("model:fake-plan", plan.generator());
            assertEquals(4, plan.slides().size());
        } finally {
            server.researchFails(false);
        }
    }

    @Test
    void tokensAreCountedPerTemplatePerUserAndPerDeckAndReportedWithTheCompletedDeck() {
        String model = "fake-normal";
        String documentId = storedDocument();
        String deckId = writeDeck(documentId, model, 3).get(0).deckId();
        DeckCompleted completed = KafkaTestClient.await(Topic.DECK_COMPLETED, e -> e.aggregateId().equals(deckId), 1,
                Duration.ofSeconds(20)).get(0).payloadAs(DeckCompleted.class);
        assertEquals("model:" + model, completed.usage().generator());
        assertTrue(completed.usage().inputTokens() > 0 && completed.usage().outputTokens() > 0,
                "the deck's tokens: " + completed.usage());
        double userTokens = registry.find("slideo.user.tokens").tag("user", user).counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertTrue(userTokens > 0, "tokens of the user: " + userTokens);
        assertTrue(registry.find("slideo.prompt.calls").tag("template", "slide-write@v1").tag("model", model)
                .tag("outcome", "ok").counters().stream().mapToDouble(c -> c.count()).sum() >= 2);
        assertTrue(registry.find("slideo.deck.tokens").summary().count() >= 1);
    }

    private Answers.Notes ask(ModelEndpoint endpoint, String title) {
        return calls.ask(endpoint, "speaker-notes", Map.of("slideTitle", title, "bullets", List.of("A point"),
                "passages", List.of()), Answers.Notes.class, n -> List.of(), new Usage(user, "deck-" + title));
    }

    private List<SlideGenerated> writeDeck(String documentId, String model, int count) {
        String deckId = UUID.randomUUID().toString();
        String generationId = UUID.randomUUID().toString();
        List<PlannedSlide> slides = new ArrayList<>();
        String[] titles = { "Car parts", "Engines", "Brakes", "Tyres", "Steering", "Lights" };
        for (int i = 0; i < count; i++) {
            slides.add(new PlannedSlide(i, titles[i], i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of(titles[i] + " matter for safety in many ways"), List.of(new SourceRef(documentId, i + 1))));
        }
        writing.run(EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user, new GenerationRequested(deckId, generationId,
                "req-" + generationId, "Car parts", null, List.of(documentId), slides, null, model)));
        List<SlideGenerated> written = slidesOf(deckId, generationId, count);
        assertEquals(1, KafkaTestClient.await(Topic.DECK_COMPLETED, e -> e.aggregateId().equals(deckId), 1,
                Duration.ofSeconds(20)).stream().map(e -> e.payloadAs(DeckCompleted.class)).count());
        return written;
    }

    private static List<SlideGenerated> slidesOf(String deckId, String generationId, int count) {
        return KafkaTestClient.await(Topic.SLIDE_GENERATED, e -> e.aggregateId().equals(deckId), count,
                Duration.ofSeconds(30)).stream().map(e -> e.payloadAs(SlideGenerated.class))
                .filter(s -> s.generationId().equals(generationId)).toList();
    }

    private List<String> notifications(String aggregate) {
        return KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user), 8, Duration.ofSeconds(5))
                .stream().map(e -> e.payloadAs(Notification.class).data().toString()).toList();
    }

    /** A document of its own (its title makes every prompt about it unique, so nothing comes from the cache). */
    private String storedDocument() {
        String id = UUID.randomUUID().toString();
        List<Section> sections = new ArrayList<>();
        String[] topics = { "Engines", "Brakes", "Tyres", "Steering", "Lights", "Mirrors" };
        for (int s = 0; s < topics.length; s++) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                blocks.add(Block.paragraph(topics[s] + " matter for safety in many ways, reason number " + i
                        + " being that drivers rely on " + topics[s].toLowerCase() + " every day.", s + 1));
            }
            sections.add(new Section(topics[s], 1, s + 1, s + 1, blocks));
        }
        results.store(new ExtractedDocument(id, "Car parts " + id, "en", "application/pdf", 6, 4000, Map.of(), sections));
        return id;
    }

    @SuppressWarnings("unused")
    private static boolean traced(Bullet bullet) {
        return bullet.source() != null;
    }
}
