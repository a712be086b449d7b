package io.slideo.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import io.slideo.worker.model.Answers;
import io.slideo.worker.model.FakeModelServer;
import io.slideo.worker.model.FakeModelServerResource;
import io.slideo.worker.model.ModelCalls;
import io.slideo.worker.model.ModelEndpoint;
import io.slideo.worker.model.ModelEndpoints;
import io.slideo.worker.model.TokenLedger;
import io.slideo.worker.model.Usage;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.workflow.WritingWorkflow;

/**
 * How long a 12-slide deck takes on the model path, in units of one model call: the fake server
 * answers every call after a fixed latency ({@code -Dbench.latency-ms}, 400 by default); one call is
 * timed alone (median of 5), then whole decks through the writing workflow (Kafka and checkpoints
 * included). Prints and writes {@code bench/results/model-latency.md}. Run by bench/model-latency.sh;
 * not part of the test suite (its name does not end in Test).
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeModelServerResource.class, restrictToAnnotatedClass = true)
class ModelLatencyBench {
    private static final int SLIDES = 12;

    @Inject
    WritingWorkflow writing;
    @Inject
    ExtractionResults results;
    @Inject
    ModelCalls calls;
    @Inject
    ModelEndpoints endpoints;
    @Inject
    TokenLedger ledger;

    @Test
    void twelveSlidesTakeAboutAsLongAsAFewCalls() throws IOException {
        long latency = Long.getLong("bench.latency-ms", 400);
        int runs = Integer.getInteger("bench.runs", 3);
        FakeModelServer server = FakeModelServerResource.server();
        server.latency(latency);
        String model = "fake-bench";
        ModelEndpoint endpoint = endpoints.endpoint(model);
        String user = TestTokens.newUser();

        deck(user, model, new long[1]); // warm-up: connections, JIT
        long[] single = new long[5];
        for (int i = 0; i < single.length; i++) {
            long started = System.nanoTime();
            calls.ask(endpoint, "speaker-notes", Map.of("slideTitle", "One call " + UUID.randomUUID(), "bullets",
                    List.of("A point"), "passages", List.of()), Answers.Notes.class, n -> List.of(),
                    new Usage(user, "bench"));
            single[i] = System.nanoTime() - started;
        }
        Arrays.sort(single);
        double oneCall = single[single.length / 2] / 1e6;

        List<String> rows = new ArrayList<>();
        double worst = 0;
        for (int run = 1; run <= runs; run++) {
            long[] nanos = new long[1];
            String deckId = deck(user, model, nanos);
            double deckMillis = nanos[0] / 1e6;
            TokenLedger.Tokens tokens = ledger.deck(deckId);
            double ratio = deckMillis / oneCall;
            worst = Math.max(worst, ratio);
            rows.add(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.2f | %d | %d |", run, SLIDES, oneCall,
                    deckMillis, ratio, tokens.input(), tokens.output()));
        }
        StringBuilder report = new StringBuilder();
        report.append("# Model path latency: a 12-slide deck in units of one model call\n\n")
                .append("Fake OpenAI-compatible server at a fixed ").append(latency).append(" ms per call; the real")
                .append(" langchain4j client; the writing workflow with Kafka, PostgreSQL checkpoints and Redis.")
                .append(" The deck is timed from the generation request to its deck.completed acknowledged by Kafka.")
                .append(" One call is timed alone (median of 5). Goal: deck / call <= 3 (the seed's sequential loop: about 14).\n\n")
                .append("| run | slides | one call (ms) | deck (ms) | deck / call | tokens in | tokens out |\n")
                .append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> report.append(r).append('\n'));
        report.append(String.format(Locale.ROOT, "%nWorst deck / call: %.2f (goal <= 3).%n", worst));
        System.out.println(report);
        Path output = Path.of(System.getProperty("bench.output", "../bench/results/model-latency.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report.toString());
        server.latency(0);
    }

    /**
     * Writes a fresh 12-slide deck (title slide, ten content slides, closing); {@code nanos[0]} is the
     * time the workflow took, which returns once every slide and the deck's completion are acknowledged
     * by the broker. Then checks that the model wrote all twelve.
     */
    private String deck(String user, String model, long[] nanos) {
        String documentId = UUID.randomUUID().toString();
        List<Section> sections = new ArrayList<>();
        List<PlannedSlide> slides = new ArrayList<>();
        for (int s = 0; s < SLIDES; s++) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                blocks.add(Block.paragraph("Topic " + s + " shapes the market in a measurable way, finding " + i
                        + " shows how buyers respond to it over a year.", s + 1));
            }
            sections.add(new Section("Topic " + s, 1, s + 1, s + 1, blocks));
            SlideLayout layout = s == 0 ? SlideLayout.TITLE : s == SLIDES - 1 ? SlideLayout.CLOSING : SlideLayout.BULLETS;
            slides.add(new PlannedSlide(s, "Topic " + s, layout, List.of("Topic " + s + " shapes the market"),
                    List.of(new SourceRef(documentId, s + 1))));
        }
        results.store(new ExtractedDocument(documentId, "Market " + documentId, "en", "application/pdf", SLIDES, 20_000,
                Map.of(), sections));
        String deckId = UUID.randomUUID().toString();
        String generationId = UUID.randomUUID().toString();
        EventEnvelope request = EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user, new GenerationRequested(deckId,
                generationId, "req-" + generationId, "Market", null, List.of(documentId), slides, null, model));
        long started = System.nanoTime();
        writing.run(request);
        nanos[0] = System.nanoTime() - started;
        List<SlideGenerated> written = KafkaTestClient.await(Topic.SLIDE_GENERATED, e -> e.aggregateId().equals(deckId),
                SLIDES, Duration.ofSeconds(60)).stream().map(e -> e.payloadAs(SlideGenerated.class)).toList();
        if (written.size() != SLIDES || written.stream().anyMatch(s -> !s.generator().equals("model:" + model))) {
            throw new IllegalStateException("The deck was not written by the model: " + written.size() + " slides");
        }
        return deckId;
    }
}
