package io.slideo.worker.workflow;

import static org.bsc.langgraph4j.GraphDefinition.END;
import static org.bsc.langgraph4j.GraphDefinition.START;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;

import io.quarkus.logging.Log;
import io.slideo.design.Fonts;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.quality.QualityGate;
import io.slideo.worker.repository.DeliveredSlides;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.writing.Instructions;
import io.slideo.worker.writing.SlideDraft;
import io.slideo.worker.writing.SlideWriter;

/**
 * Writes the slides of a generation run: gather the documents → write the slides (a few at a time;
 * each one written, checked by the quality gate, published, then recorded as delivered) → announce
 * the run complete. Checkpointed after every step and every slide: a run taken over from a dying
 * worker writes only the slides that were not delivered.
 */
@ApplicationScoped
public class WritingWorkflow {
    private static final String GATHER = "gather_context";
    private static final String WRITE = "write_slides";
    private static final String FINISH = "finish";
    private static final String STAGE = "writing";
    private static final Theme DEFAULT_THEME = new Theme("slideo-light", "Slideo Light", "", "#ffffff", "#1f2933",
            "#102a43", "#2f6fde", Fonts.SANS, Fonts.SANS);

    private final ExtractionResults results;
    private final EventPublisher events;
    private final DeliveredSlides delivered;
    private final PostgresCheckpointSaver saver;
    private final WorkerConfig config;
    private final QualityGate gate;
    private final ExecutorService writers;
    private final CompiledGraph<WorkflowState> graph;

    WritingWorkflow(ExtractionResults results, EventPublisher events, DeliveredSlides delivered,
            PostgresCheckpointSaver saver, WorkerConfig config) throws GraphStateException {
        this.results = results;
        this.events = events;
        this.delivered = delivered;
        this.saver = saver;
        this.config = config;
        this.gate = new QualityGate(config.outline().maxBulletWords(), config.writing().maxFill());
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(config.writing().parallelism(), task -> {
            Thread thread = new Thread(task, "slide-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.graph = Workflows.compile(new StateGraph<>(WorkflowState::new)
                .addNode(GATHER, node_async(this::gather))
                .addNode(WRITE, node_async(this::write))
                .addNode(FINISH, node_async(this::finish))
                .addEdge(START, GATHER)
                .addEdge(GATHER, WRITE)
                .addEdge(WRITE, FINISH)
                .addEdge(FINISH, END), saver);
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /** Runs (or resumes) the generation run the event asks for. Blocking. */
    public void run(EventEnvelope event) {
        GenerationRequested request = event.payloadAs(GenerationRequested.class);
        Workflows.run(graph, saver, "generation:" + request.generationId(), WorkflowState.start(event));
    }

    private Map<String, Object> gather(WorkflowState state) {
        EventEnvelope event = state.event();
        GenerationRequested request = event.payloadAs(GenerationRequested.class);
        List<String> found = documents(request).stream().map(ExtractedDocument::documentId).toList();
        progress(event, request, 0, "Writing " + slides(request).size() + " slides from " + found.size() + " documents",
                "start");
        return Map.of("documents", found);
    }

    private Map<String, Object> write(WorkflowState state) throws Exception {
        EventEnvelope event = state.event();
        GenerationRequested request = event.payloadAs(GenerationRequested.class);
        List<PlannedSlide> planned = slides(request);
        Set<Integer> done = delivered.indexes(request.generationId());
        if (!done.isEmpty()) {
            Log.infof("Generation %s resumes: %d of %d slides were delivered before", request.generationId(), done.size(),
                    planned.size());
        }
        SlideWriter writer = new SlideWriter(config.outline().maxBulletWords(), config.outline().maxBullets(),
                documents(request));
        Instructions instructions = Instructions.parse(request.instructions());
        Theme theme = request.theme() == null ? DEFAULT_THEME : request.theme();
        AtomicInteger finished = new AtomicInteger(done.size());
        List<Future<?>> slides = new ArrayList<>();
        for (PlannedSlide slide : planned) {
            if (done.contains(slide.index())) {
                continue;
            }
            Set<String> otherTitles = new HashSet<>();
            planned.stream().filter(p -> p.index() != slide.index()).forEach(p -> otherTitles.add(p.title().toLowerCase(Locale.ROOT)));
            slides.add(writers.submit(() -> {
                long started = System.nanoTime();
                SlideDraft draft = writer.draft(slide, request.title(), request.documentIds(), instructions);
                QualityGate.Checked checked = gate.check(draft, theme, otherTitles);
                SlideDraft ready = checked.draft();
                SlideGenerated generated = new SlideGenerated(request.deckId(), request.generationId(), request.requestId(),
                        slide.index(), planned.size(), ready.title(), ready.layout(), ready.bullets(), ready.notes(),
                        SlideWriter.GENERATOR, ready.secondColumn(), ready.table(), checked.report());
                pace(started);
                events.publish(Topic.SLIDE_GENERATED, request.deckId(), event.userId(), generated, event,
                        "slide-" + slide.index());
                delivered.record(generated);
                int count = finished.incrementAndGet();
                progress(event, request, count * 100 / planned.size(), "Wrote slide " + count + " of " + planned.size(),
                        "slide-" + slide.index());
                return null;
            }));
        }
        for (Future<?> slide : slides) {
            try {
                slide.get();
            } catch (ExecutionException e) {
                slides.forEach(s -> s.cancel(true));
                throw new IllegalStateException("Writing a slide failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return Map.of("delivered", planned.size());
    }

    private void pace(long startedNanos) throws InterruptedException {
        long left = config.writing().pace().toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private Map<String, Object> finish(WorkflowState state) {
        EventEnvelope event = state.event();
        GenerationRequested request = event.payloadAs(GenerationRequested.class);
        int total = slides(request).size();
        events.publish(Topic.DECK_COMPLETED, request.deckId(), event.userId(),
                new DeckCompleted(request.deckId(), request.generationId(), request.requestId(), total), event, "completed");
        Log.infof("Wrote %d slides of deck %s (generation %s) for user %s", total, request.deckId(),
                request.generationId(), event.userId());
        return Map.of("finished", true);
    }

    private List<ExtractedDocument> documents(GenerationRequested request) {
        List<ExtractedDocument> documents = new ArrayList<>();
        for (String documentId : request.documentIds() == null ? List.<String>of() : request.documentIds()) {
            results.load(documentId).ifPresentOrElse(documents::add, () -> Log.infof(
                    "Deck %s: document %s has no extraction result; writing from the plan alone", request.deckId(),
                    documentId));
        }
        return documents;
    }

    private static List<PlannedSlide> slides(GenerationRequested request) {
        return request.slides() == null ? List.of() : request.slides();
    }

    private void progress(EventEnvelope event, GenerationRequested request, int percent, String message, String step) {
        events.notifyUser(event.userId(), request.requestId(),
                new ProgressUpdate(STAGE, percent, message, null, request.deckId()), event, "progress-" + step);
    }
}
