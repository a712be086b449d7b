package io.slideo.worker.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.planning.OutlineDrafter;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.writing.SlideWriter;

/**
 * Drafts the outline of a requested plan from the documents' extraction results. A document that has
 * no result is reported to the user and left out; with none left, no plan is drafted. Blocking.
 */
@ApplicationScoped
public class PlanningService {
    private static final String STAGE = "planning";

    private final ExtractionResults results;
    private final EventPublisher events;
    private final OutlineDrafter drafter;

    PlanningService(ExtractionResults results, EventPublisher events, WorkerConfig config) {
        this.results = results;
        this.events = events;
        this.drafter = new OutlineDrafter(config.outline().keyPointsPerSlide(), config.outline().maxBulletWords());
    }

    public void draft(EventEnvelope event) {
        PlanRequested request = event.payloadAs(PlanRequested.class);
        String userId = event.userId();
        if (request.slideCount() < 1 || request.documentIds() == null || request.documentIds().isEmpty()) {
            error(event, request, ErrorCode.INVALID_FIELD,
                    "A plan needs at least one document and at least one slide.", "invalid");
            return;
        }
        progress(event, request, 0, "Reading " + request.documentIds().size() + " documents", "start");
        List<ExtractedDocument> documents = new ArrayList<>();
        for (String documentId : request.documentIds()) {
            Optional<ExtractedDocument> document = results.load(documentId);
            if (document.isPresent()) {
                documents.add(document.get());
            } else {
                error(event, request, ErrorCode.NOT_FOUND, "Document " + documentId + " has not been extracted"
                        + " (it is still being read, failed, or does not exist), so the plan leaves it out.",
                        "missing-" + documentId);
            }
        }
        if (documents.isEmpty()) {
            Log.infof("Plan %s of user %s has no readable documents; nothing drafted", request.planId(), userId);
            return;
        }
        progress(event, request, 50, "Drafting the outline", "drafting");
        OutlineDrafter.Outline outline = drafter.draft(request.description(), request.slideCount(), documents);
        events.publish(Topic.PLAN_DRAFTED, request.planId(), userId, new PlanDrafted(request.planId(),
                request.requestId(), outline.title(), outline.slides(), SlideWriter.GENERATOR), event, "drafted");
        progress(event, request, 100, "Outline ready: " + outline.slides().size() + " slides", "done");
        Log.infof("Drafted plan %s of user %s: %d slides from %d documents", request.planId(), userId,
                outline.slides().size(), documents.size());
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
