package io.slideo.content.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.slideo.content.api.ResearchRequest;
import io.slideo.content.api.ResearchView;
import io.slideo.content.config.ContentConfig;
import io.slideo.content.domain.ResearchResult;
import io.slideo.content.domain.ResearchStatus;
import io.slideo.content.repository.ResearchRepository;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.ResearchCompleted;
import io.slideo.model.event.ResearchRequested;
import io.slideo.model.event.Topic;
import io.slideo.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Research requests and results as the workers found them, kept per user so plans and notes can be traced to their URLs. */
@ApplicationScoped
public class ResearchService {
    private static final ObjectMapper JSON = EventCodec.newMapper();
    /** As many sources as a worker looks for when the request names no number. */
    private static final int DEFAULT_RESULTS = 5;

    private final ResearchRepository research;
    private final Outbox outbox;
    private final ContentConfig config;

    ResearchService(ResearchRepository research, Outbox outbox, ContentConfig config) {
        this.research = research;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Stores the request as searching and asks a worker (research.requested.v1, keyed by the research
     * id); the answer reaches the user as a research_response and is stored by {@link #record}. A user
     * with too many searches still running is refused, since each one costs paid search calls.
     */
    public Uni<ResearchView> request(String userId, String requestId, ResearchRequest request) {
        int maxResults = request.maxResults() == null ? DEFAULT_RESULTS : request.maxResults();
        return Panache.withTransaction(() -> research.countSearching(userId).chain(running -> {
            if (running >= config.maxResearchInFlight()) {
                return Uni.createFrom().failure(new SlideoException(ErrorCode.RATE_LIMITED, "You have " + running
                        + " web searches still running; ask again when one of them has answered"));
            }
            ResearchResult pending = new ResearchResult();
            pending.id = UUID.randomUUID().toString();
            pending.userId = userId;
            pending.requestId = requestId;
            pending.query = request.query().strip();
            pending.sources = "[]";
            pending.createdAt = Instant.now();
            pending.status = ResearchStatus.SEARCHING;
            return research.persist(pending).call(saved -> outbox.publish(Topic.RESEARCH_REQUESTED, saved.id, userId,
                    new ResearchRequested(saved.id, requestId, saved.query, maxResults)));
        })).invoke(saved -> Log.infof("Research %s requested by user %s (request %s)", saved.id, userId, requestId))
                .map(ResearchService::view);
    }

    /**
     * Stores a result once (inside the consumer's transaction): it completes the user's pending request,
     * or is new (a plan's research); a repeat of a finished research id is ignored.
     */
    public Uni<Void> record(String userId, ResearchCompleted completed) {
        return research.findById(completed.researchId()).chain(existing -> {
            if (existing != null && existing.status == ResearchStatus.DONE) {
                return Uni.createFrom().voidItem();
            }
            ResearchResult result = existing != null ? existing : new ResearchResult();
            if (existing == null) {
                result.id = completed.researchId();
                result.userId = userId;
                result.requestId = completed.requestId();
                result.createdAt = Instant.now();
            }
            result.query = completed.query();
            result.message = completed.message();
            result.sources = write(completed.sources());
            result.status = ResearchStatus.DONE;
            Log.infof("Research %s of user %s stored: %d sources", result.id, userId, completed.sources().size());
            return research.persist(result).replaceWithVoid();
        });
    }

    @WithSession
    public Uni<ResearchView> get(String userId, String id) {
        return research.findOwned(id, userId).onItem().ifNull()
                .failWith(() -> SlideoException.notFound("Research", id))
                .map(ResearchService::view);
    }

    private static ResearchView view(ResearchResult found) {
        return new ResearchView(found.id, found.status.wireName(), found.query, found.message, read(found.sources),
                found.createdAt);
    }

    private static String write(List<ResearchCompleted.ResearchSource> sources) {
        try {
            return JSON.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Research sources are not JSON: " + e.getMessage(), e);
        }
    }

    private static List<ResearchCompleted.ResearchSource> read(String sources) {
        try {
            return JSON.readValue(sources, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored research sources are unreadable: " + e.getMessage(), e);
        }
    }
}
