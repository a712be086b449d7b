package io.slideo.worker.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.ResearchCompleted;
import io.slideo.model.event.ResearchRequested;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ResearchResponse;
import io.slideo.worker.messaging.EventPublisher;
import io.slideo.worker.model.ModelEndpoint;
import io.slideo.worker.model.ModelEndpoints;
import io.slideo.worker.model.Usage;
import io.slideo.worker.repository.ResearchResults;
import io.slideo.worker.research.Research;
import io.slideo.worker.research.WebResearch;

/**
 * Runs web research (a user's research_request, or a plan's research step), keeps it for the writer,
 * publishes it for content-service to store, and tells the user what was found or why nothing was.
 */
@ApplicationScoped
public class ResearchService {
    private static final int DEFAULT_RESULTS = 5;

    private final WebResearch research;
    private final ResearchResults results;
    private final EventPublisher events;
    private final ModelEndpoints models;

    ResearchService(WebResearch research, ResearchResults results, EventPublisher events, ModelEndpoints models) {
        this.research = research;
        this.results = results;
        this.events = events;
        this.models = models;
    }

    /** A research.requested event: research, store, publish, answer the user. */
    public void answer(EventEnvelope event) {
        ResearchRequested request = event.payloadAs(ResearchRequested.class);
        Research found = research.run(request.query(), request.maxResults() > 0 ? request.maxResults() : DEFAULT_RESULTS,
                models.choose(null).endpoint(), new Usage(event.userId(), request.researchId()));
        deliver(event, request.researchId(), request.requestId(), found);
    }

    /** Research for a plan (its id names the research); published and kept like any other. */
    public Research forPlan(EventEnvelope event, String planId, String requestId, String query,
            Optional<ModelEndpoint> model) {
        Research found = research.run(query, DEFAULT_RESULTS, model, new Usage(event.userId(), planId));
        deliver(event, planId, requestId, found);
        return found;
    }

    public void keep(String id, Research research) {
        results.store(id, research);
    }

    private void deliver(EventEnvelope event, String researchId, String requestId, Research found) {
        results.store(researchId, found);
        List<ResearchCompleted.ResearchSource> sources = found.sources().stream()
                .map(s -> new ResearchCompleted.ResearchSource(s.url(), s.title(), s.summary(), s.content())).toList();
        events.publish(Topic.RESEARCH_COMPLETED, researchId, event.userId(),
                new ResearchCompleted(researchId, requestId, found.query(), sources, message(found)), event, "research");
        events.notifyUser(event.userId(), requestId, new ResearchResponse(found.query(),
                found.sources().stream().map(Research.Source::title).toList(), message(found),
                found.sources().stream().map(s -> new ResearchResponse.Source(s.url(), s.title(), s.summary())).toList()),
                event, "research-response");
        Log.infof("Research %s for user %s: %d sources", researchId, event.userId(), found.sources().size());
    }

    private static String message(Research found) {
        if (found.message() != null) {
            return found.message();
        }
        return found.summary() != null ? found.summary() : "Found " + found.sources().size() + " sources";
    }
}
