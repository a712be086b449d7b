package io.slideo.worker.workflow;

import static org.bsc.langgraph4j.GraphDefinition.END;
import static org.bsc.langgraph4j.GraphDefinition.START;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanFailed;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.planning.OutlineDrafter;
import io.slideo.worker.retrieval.Embedders;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.model.ModelCalls;
import io.slideo.worker.model.ModelEndpoints;
import io.slideo.worker.model.ModelUnavailable;
import io.slideo.worker.model.UnusableAnswer;
import io.slideo.worker.model.Usage;
import io.slideo.worker.planning.ModelOutlineDrafter;
import io.slideo.worker.prompt.MissingPromptVariable;
import io.slideo.worker.repository.ResearchResults;
import io.slideo.worker.research.Research;
import io.slideo.worker.research.WebResearch;
import io.slideo.worker.service.ResearchService;
import io.slideo.worker.writing.SlideWriter;

/**
 * Drafts a requested plan: gather the documents' context → web research (when asked for; off with a
 * message when no search key is set) → outline (by the model when one is configured, else, or when
 * the model fails, by the offline drafter, and the user is told which) → publish. Checkpointed after
 * every step. A document without extraction result is reported to the user and left out; with none
 * left, nothing is drafted.
 */
@ApplicationScoped
public class PlanningWorkflow {
    private static final String GATHER = "gather_context";
    private static final String RESEARCH = "research";
    private static final String OUTLINE = "outline";
    private static final String PUBLISH = "publish";
    private static final String STAGE = "planning";
    private static final ObjectMapper JSON = EventCodec.newMapper();

    private final ExtractionResults results;
    private final EventPublisher events;
    private final PostgresCheckpointSaver saver;
    private final OutlineDrafter drafter;
    private final ModelOutlineDrafter modelDrafter;
    private final ModelEndpoints models;
    private final ResearchService researchService;
    private final WebResearch webResearch;
    private final ResearchResults researchResults;
    private final CompiledGraph<WorkflowState> graph;

    PlanningWorkflow(ExtractionResults results, EventPublisher events, PostgresCheckpointSaver saver,
            WorkerConfig config, ModelEndpoints models, ModelCalls calls, ResearchService researchService,
            WebResearch webResearch, ResearchResults researchResults, Embedders embedders) throws GraphStateException {
        this.models = models;
        this.researchService = researchService;
        this.webResearch = webResearch;
        this.researchResults = researchResults;
        this.modelDrafter = new ModelOutlineDrafter(calls, config.outline().maxBulletWords());
        this.results = results;
        this.events = events;
        this.saver = saver;
        this.drafter = new OutlineDrafter(config.outline().keyPointsPerSlide(), config.outline().maxBulletWords(),
                embedders.chosen());
        this.graph = Workflows.compile(new StateGraph<>(WorkflowState::new)
                .addNode(GATHER, node_async(this::gather))
                .addNode(RESEARCH, node_async(this::research))
                .addNode(OUTLINE, node_async(this::outline))
                .addNode(PUBLISH, node_async(this::publish))
                .addEdge(START, GATHER)
                .addEdge(GATHER, RESEARCH)
                .addEdge(RESEARCH, OUTLINE)
                .addEdge(OUTLINE, PUBLISH)
                .addEdge(PUBLISH, END), saver);
    }

    /** Drafts (or finishes drafting) the plan the event asks for. Blocking. */
    public void run(EventEnvelope event) {
        PlanRequested request = event.payloadAs(PlanRequested.class);
        if (request.slideCount() < 1 || request.documentIds() == null || request.documentIds().isEmpty()) {
            // The plan fails (content-service marks it and tells the user): asking again the same way cannot help.
            events.publish(Topic.PLAN_FAILED, request.planId(), event.userId(), new PlanFailed(request.planId(),
                    request.requestId(), ErrorCode.INVALID_FIELD, "A plan needs at least one document and at least one slide."),
                    event, "invalid");
            return;
        }
        Workflows.run(graph, saver, "plan:" + request.planId(), WorkflowState.start(event));
    }

    private Map<String, Object> gather(WorkflowState state) {
        EventEnvelope event = state.event();
        PlanRequested request = event.payloadAs(PlanRequested.class);
        progress(event, request, 0, "Reading " + request.documentIds().size() + " documents", "start");
        List<String> found = new ArrayList<>();
        for (String documentId : request.documentIds()) {
            if (results.load(documentId).isPresent()) {
                found.add(documentId);
            } else {
                error(event, request, ErrorCode.NOT_FOUND, "Document " + documentId + " has not been extracted"
                        + " (it is still being read, failed, or does not exist), so the plan leaves it out.",
                        "missing-" + documentId);
            }
        }
        return Map.of("documents", found);
    }

    private Map<String, Object> research(WorkflowState state) {
        EventEnvelope event = state.event();
        PlanRequested request = event.payloadAs(PlanRequested.class);
        if (!request.research()) {
            return Map.of("researched", false);
        }
        if (!webResearch.enabled()) {
            progress(event, request, 25, "Web research is off: no search key is configured here, so the plan uses"
                    + " your documents only", "research");
            return Map.of("researched", false);
        }
        progress(event, request, 20, "Researching the web", "research");
        String query = request.description() == null || request.description().isBlank()
                ? String.join(", ", state.<List<String>>value("documents").orElse(List.of()).stream()
                        .map(id -> results.load(id).map(ExtractedDocument::title).orElse("")).filter(t -> !t.isBlank())
                        .toList())
                : request.description();
        Research found = researchService.forPlan(event, request.planId(), request.requestId(), query,
                models.choose(request.model()).endpoint());
        if (!found.found()) {
            progress(event, request, 30, found.message(), "research-empty");
        }
        return Map.of("researched", found.found());
    }

    private Map<String, Object> outline(WorkflowState state) throws JsonProcessingException {
        EventEnvelope event = state.event();
        PlanRequested request = event.payloadAs(PlanRequested.class);
        List<ExtractedDocument> documents = new ArrayList<>();
        for (String documentId : state.<List<String>>value("documents").orElse(List.of())) {
            results.load(documentId).ifPresent(documents::add);
        }
        if (documents.isEmpty()) {
            Log.infof("Plan %s of user %s has no readable documents; nothing drafted", request.planId(), event.userId());
            return Map.of("title", "", "slides", "[]");
        }
        progress(event, request, 50, "Drafting the outline", "drafting");
        Map<String, KnowledgeGraph> graphs = new HashMap<>();
        documents.forEach(d -> results.loadGraph(d.documentId()).ifPresent(g -> graphs.put(d.documentId(), g)));
        ModelEndpoints.Choice choice = models.choose(request.model());
        if (choice.endpoint().isPresent()) {
            Research research = researchResults.load(request.planId()).orElse(null);
            try {
                ModelOutlineDrafter.Drafted drafted = modelDrafter.draft(choice.endpoint().get(), request.description(),
                        request.slideCount(), documents, graphs, research, new Usage(event.userId(), request.planId()));
                if (research != null && research.found()) {
                    researchResults.store(request.planId(), research.withCitations(drafted.citations()));
                }
                progress(event, request, 75, "Outline drafted. " + choice.notice() + ".", "model");
                return Map.of("title", drafted.outline().title(), "slides",
                        JSON.writeValueAsString(drafted.outline().slides()), "generator",
                        choice.endpoint().get().generator());
            } catch (ModelUnavailable | UnusableAnswer | MissingPromptVariable e) {
                Log.infof("Plan %s: the model could not draft it (%s); drafting offline", request.planId(),
                        e.getMessage());
                progress(event, request, 75, "The model could not draft the outline (" + e.getMessage()
                        + "); the offline planner drafted it from your documents instead", "model-fallback");
            }
        } else if (request.model() != null && !request.model().isBlank()) {
            progress(event, request, 60, choice.notice(), "model-choice");
        }
        OutlineDrafter.Outline outline = drafter.draft(request.description(), request.slideCount(), documents, graphs);
        if (!outline.note().isEmpty()) { // e.g. fewer slides than asked: the document has too little to say
            Log.infof("Plan %s: %s", request.planId(), outline.note());
            progress(event, request, 75, outline.note(), "short");
        }
        return Map.of("title", outline.title(), "slides", JSON.writeValueAsString(outline.slides()), "generator",
                SlideWriter.GENERATOR);
    }

    private Map<String, Object> publish(WorkflowState state) throws JsonProcessingException {
        EventEnvelope event = state.event();
        PlanRequested request = event.payloadAs(PlanRequested.class);
        List<PlannedSlide> slides = JSON.readValue(state.<String>value("slides").orElse("[]"), new TypeReference<>() {
        });
        if (slides.isEmpty()) { // none of its documents could be read: the plan fails rather than wait for ever
            events.publish(Topic.PLAN_FAILED, request.planId(), event.userId(), new PlanFailed(request.planId(),
                    request.requestId(), ErrorCode.NOT_FOUND, "None of this plan's documents has been extracted"
                            + " (still being read, failed, or deleted), so there is nothing to draft from."),
                    event, "nothing-to-draft");
            return Map.of("published", false);
        }
        String title = state.<String>value("title").orElse("");
        events.publish(Topic.PLAN_DRAFTED, request.planId(), event.userId(),
                new PlanDrafted(request.planId(), request.requestId(), title, slides,
                        state.<String>value("generator").orElse(SlideWriter.GENERATOR)), event,
                "drafted");
        String generator = state.<String>value("generator").orElse(SlideWriter.GENERATOR);
        progress(event, request, 100, "Outline ready: " + slides.size() + " slides, drafted by "
                + (generator.startsWith("model:") ? "model " + generator.substring(6) : "the offline planner"), "done");
        Log.infof("Drafted plan %s of user %s: %d slides", request.planId(), event.userId(), slides.size());
        return Map.of("published", true);
    }

    private void progress(EventEnvelope event, PlanRequested request, int percent, String message, String step) {
        events.notifyUser(event.userId(), request.requestId(),
                new ProgressUpdate(STAGE, percent, message, null, request.planId()), event, "progress-" + step);
    }

    private void error(EventEnvelope event, PlanRequested request, ErrorCode code, String message, String step) {
        events.notifyUser(event.userId(), request.requestId(),
                new ErrorResponse(code, message, code.retryable(), request.requestId()), event, "error-" + step);
    }

}
