package io.slideo.content.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.slideo.content.api.ResearchView;
import io.slideo.content.domain.ResearchResult;
import io.slideo.content.repository.ResearchRepository;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.ResearchCompleted;
import io.smallrye.mutiny.Uni;

/** Research results as the workers found them, kept per user so plans and notes can be traced to their URLs. */
@ApplicationScoped
public class ResearchService {
    private static final ObjectMapper JSON = EventCodec.newMapper();

    private final ResearchRepository research;

    ResearchService(ResearchRepository research) {
        this.research = research;
    }

    /** Stores a result once (inside the consumer's transaction); a repeat of the same research id is ignored. */
    public Uni<Void> record(String userId, ResearchCompleted completed) {
        return research.findById(completed.researchId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ResearchResult result = new ResearchResult();
            result.id = completed.researchId();
            result.userId = userId;
            result.requestId = completed.requestId();
            result.query = completed.query();
            result.message = completed.message();
            result.sources = write(completed.sources());
            result.createdAt = Instant.now();
            Log.infof("Research %s of user %s stored: %d sources", result.id, userId, completed.sources().size());
            return research.persist(result).replaceWithVoid();
        });
    }

    @WithSession
    public Uni<ResearchView> get(String userId, String id) {
        return research.findOwned(id, userId).onItem().ifNull()
                .failWith(() -> SlideoException.notFound("Research", id))
                .map(found -> new ResearchView(found.id, found.query, found.message, read(found.sources),
                        found.createdAt));
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
