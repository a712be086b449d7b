package io.slideo.worker.workflow;

import static org.bsc.langgraph4j.GraphDefinition.END;
import static org.bsc.langgraph4j.GraphDefinition.START;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.slideo.design.Fonts;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.TokenUsage;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.quality.QualityGate;
import io.slideo.worker.repository.DeliveredSlides;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.model.deck.QualityReport;
import io.slideo.model.document.Chunk;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.worker.model.ModelCalls;
import io.slideo.worker.model.ModelEndpoints;
import io.slideo.worker.model.ModelUnavailable;
import io.slideo.worker.model.TokenLedger;
import io.slideo.worker.model.UnusableAnswer;
import io.slideo.worker.model.Usage;
import io.slideo.worker.prompt.MissingPromptVariable;
import io.slideo.worker.repository.ResearchResults;
import io.slideo.worker.research.Research;
import io.slideo.worker.retrieval.Retriever;
import io.slideo.worker.retrieval.SemanticSearch;
import io.slideo.worker.text.Chunker;
import io.slideo.worker.tracing.WorkSpans;
import io.slideo.worker.writing.Instructions;
import io.slideo.worker.writing.ModelSlideWriter;
import io.slideo.worker.writing.SlideDraft;
import io.slideo.worker.writing.SlideWriter;

/**
 * Writes the slides of a generation run: gather the documents → write the slides (a few at a time;
 * each one written, checked by the quality gate, published, then recorded as delivered) → announce
 * the run complete. Checkpointed after every step and every slide: a run taken over from a dying
 * worker writes only the slides that were not delivered. With a model configured (or one of the
 * allowed ones asked for) the model writes each slide from the chunks retrieved for it; a slide the
 * model cannot write (down, hung, unusable answers) is written offline instead, marked
 * {@value #FALLBACK}, and the user is told which generator wrote what.
 */
@ApplicationScoped
public class WritingWorkflow {
    private static final String GATHER = "gather_context";
    private static final String WRITE = "write_slides";
    private static final String FINISH = "finish";
    private static final String STAGE = "writing";
    public static final String FALLBACK = "offline-fallback";
    private static final Theme DEFAULT_THEME = new Theme("slideo-light", "Slideo Light", "", "#ffffff", "#1f2933",
            "#102a43", "#2f6fde", Fonts.SANS, Fonts.SANS);

    private final ExtractionResults results;
    private final EventPublisher events;
    private final DeliveredSlides delivered;
    private final PostgresCheckpointSaver saver;
    private final WorkerConfig config;
    private final QualityGate gate;
    private final ExecutorService writers;
    private final ModelEndpoints models;
    private final ModelCalls calls;
    private final TokenLedger ledger;
    private final ResearchResults research;
    private final SemanticSearch semantic;
    private final CompiledGraph<WorkflowState> graph;

    WritingWorkflow(ExtractionResults results, EventPublisher events, DeliveredSlides delivered,
            PostgresCheckpointSaver saver, WorkerConfig config, ModelEndpoints models, ModelCalls calls,
            TokenLedger ledger, ResearchResults research, SemanticSearch semantic) throws GraphStateException {
        this.models = models;
        this.semantic = semantic;
        this.calls = calls;
        this.ledger = ledger;
        this.research = research;
        this.results = results;
        this.events = events;
        this.delivered = delivered;
        this.saver = saver;
        this.config = config;
        this.gate = new QualityGate(config.outline().maxBulletWords(), config.writing().maxFill());
        AtomicInteger threads = new AtomicInteger();
        // Model calls wait on the network, so a deck's slides are all in flight at once (bounded per user).
        int threads0 = models.configured() ? Math.max(config.writing().parallelism(), config.model().parallelism())
                : config.writing().parallelism();
        // Each slide is written under the trace of the record that asked for it: its model call and its
        // slide.generated record belong to the deck's trace, not to a trace of their own.
        this.writers = Context.taskWrapping(Executors.newFixedThreadPool(threads0, task -> {
            Thread thread = new Thread(task, "slide-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
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
        String notice = models.choose(request.model()).notice();
        progress(event, request, 0, "Writing " + slides(request).size() + " slides from " + found.size() + " documents. "
                + notice + ".", "start");
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
        List<ExtractedDocument> documents = documents(request);
        SlideWriter writer = new SlideWriter(config.outline().maxBulletWords(), config.outline().maxBullets(), documents);
        ModelEndpoints.Choice choice = models.choose(request.model());
        Optional<Research> webSources = research.load(request.deckId());
        ModelSlideWriter modelWriter = choice.endpoint().map(endpoint -> new ModelSlideWriter(calls, endpoint,
                retriever(documents, planned), config.outline().maxBulletWords(), config.outline().maxBullets(), webSources,
                new Usage(event.userId(), request.deckId()))).orElse(null);
        String language = documents.isEmpty() ? null : documents.get(0).language();
        AtomicInteger fellBack = new AtomicInteger();
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
            slides.add(writers.submit(() -> WorkSpans.slide(request.deckId(), slide.index(), () -> {
                long started = System.nanoTime();
                SlideDraft draft = null;
                String generator = SlideWriter.GENERATOR;
                String fallbackReason = null;
                if (modelWriter != null) {
                    try {
                        draft = modelWriter.draft(slide, request.title(), request.instructions(), language);
                        generator = modelWriter.model().generator();
                    } catch (ModelUnavailable | UnusableAnswer | MissingPromptVariable e) {
                        fallbackReason = e.getMessage();
                        generator = FALLBACK;
                        fellBack.incrementAndGet();
                        Log.infof("Deck %s slide %d written offline: %s", request.deckId(), slide.index(), e.getMessage());
                    } catch (RuntimeException e) {
                        // A fault of the model path itself must not cost the slide either; it is logged in full.
                        Log.errorf(e, "Deck %s slide %d: the model path failed; written offline", request.deckId(),
                                slide.index());
                        fallbackReason = "an internal error of the model path";
                        generator = FALLBACK;
                        fellBack.incrementAndGet();
                    }
                }
                if (draft == null) {
                    draft = withWebSources(writer.draft(slide, request.title(), request.documentIds(), instructions),
                            slide, webSources);
                }
                QualityGate.Checked checked = gate.check(draft, theme, otherTitles);
                SlideDraft ready = checked.draft();
                QualityReport report = fallbackReason == null ? checked.report() : withAction(checked.report(),
                        "written by the offline writer: the model could not write it (" + fallbackReason + ")");
                SlideGenerated generated = new SlideGenerated(request.deckId(), request.generationId(), request.requestId(),
                        slide.index(), planned.size(), ready.title(), ready.layout(), ready.bullets(), ready.notes(),
                        generator, ready.secondColumn(), ready.table(), report, ready.tableSource(),
                        ready.figure());
                pace(started);
                events.publish(Topic.SLIDE_GENERATED, request.deckId(), event.userId(), generated, event,
                        "slide-" + slide.index());
                delivered.record(generated);
                int count = finished.incrementAndGet();
                progress(event, request, count * 100 / planned.size(), "Wrote slide " + count + " of " + planned.size(),
                        "slide-" + slide.index());
                return null;
            })));
        }
        for (Future<?> slide : slides) {
            try {
                slide.get();
            } catch (ExecutionException e) {
                slides.forEach(s -> s.cancel(true));
                throw new IllegalStateException("Writing a slide failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        if (modelWriter != null && fellBack.get() > 0) {
            progress(event, request, 100, fellBack.get() + " of " + slides.size() + " slides were written by the offline"
                    + " writer because the model could not write them; ask for those slides again to retry with the"
                    + " model", "fallback");
        }
        return Map.of("delivered", planned.size());
    }

    /** What the model writes each slide from: the documents' chunks, by their words and (if configured) meaning. */
    private Retriever retriever(List<ExtractedDocument> documents, List<PlannedSlide> slides) {
        Map<String, List<Chunk>> chunks = new java.util.LinkedHashMap<>();
        Map<String, KnowledgeGraph> graphs = new java.util.HashMap<>();
        for (ExtractedDocument document : documents) {
            chunks.put(document.documentId(), results.loadChunks(document.documentId())
                    .orElseGet(() -> new Chunker(config.chunkCharacters()).chunks(document)));
            results.loadGraph(document.documentId()).ifPresent(g -> graphs.put(document.documentId(), g));
        }
        List<String> queries = slides.stream().map(s -> Retriever.queryOf(s.title(), s.keyPoints())).toList();
        return new Retriever(documents, chunks, graphs, config.chunkCharacters(),
                semantic.index(chunks, queries).orElse(null));
    }

    /** The offline draft's notes, ending with the web sources the plan cited for this slide. */
    private static SlideDraft withWebSources(SlideDraft draft, PlannedSlide slide, Optional<Research> research) {
        if (research.isEmpty() || !research.get().found()) {
            return draft;
        }
        List<Integer> cited = research.get().citations().getOrDefault(slide.title(), List.of());
        if (cited.isEmpty() && slide.layout() == io.slideo.model.deck.SlideLayout.CLOSING) {
            cited = research.get().sources().stream().map(Research.Source::id).toList();
        }
        return cited.isEmpty() ? draft : draft.with(draft.title(), draft.bullets(), draft.secondColumn(), draft.table(),
                (draft.notes() + " " + research.get().citationLine(cited)).strip());
    }

    private static QualityReport withAction(QualityReport report, String action) {
        List<String> actions = new ArrayList<>(report == null ? List.of() : report.actions());
        actions.add(action);
        return report == null ? new QualityReport(true, List.of(), actions, 0)
                : new QualityReport(report.passed(), report.checks(), actions, report.fill());
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
        ModelEndpoints.Choice choice = models.choose(request.model());
        TokenUsage usage = TokenUsage.OFFLINE;
        if (choice.endpoint().isPresent()) {
            TokenLedger.Tokens tokens = ledger.deckFinished(request.deckId());
            usage = new TokenUsage(choice.endpoint().get().generator(), tokens.input(), tokens.output());
        }
        events.publish(Topic.DECK_COMPLETED, request.deckId(), event.userId(),
                new DeckCompleted(request.deckId(), request.generationId(), request.requestId(), total, usage), event,
                "completed");
        Log.infof("Wrote %d slides of deck %s (generation %s) for user %s with %s, %d tokens so far", total,
                request.deckId(), request.generationId(), event.userId(), usage.generator(), usage.totalTokens());
        if (choice.endpoint().isPresent()) {
            progress(event, request, 100, "Deck written by " + usage.generator() + ": " + usage.totalTokens()
                    + " tokens so far for this deck (" + usage.inputTokens() + " in, " + usage.outputTokens()
                    + " out)", "tokens");
        }
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
