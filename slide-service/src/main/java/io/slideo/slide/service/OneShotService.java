package io.slideo.slide.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.slide.api.DeckRequestBody;
import io.slideo.slide.client.ContentServiceClient;
import io.slideo.slide.client.ContentServiceClient.PlanAccepted;
import io.slideo.slide.client.ContentServiceClient.PlanRequest;
import io.smallrye.mutiny.Uni;

/**
 * The one-shot path: asks content-service for the plan with the user's own token (it checks the
 * documents and theme), and remembers to request the slides the moment the plan arrives here.
 */
@ApplicationScoped
public class OneShotService {
    private final ContentServiceClient content;
    private final DeckService decks;
    private final GenerationQuota quota;

    OneShotService(@RestClient ContentServiceClient content, DeckService decks, GenerationQuota quota) {
        this.content = content;
        this.decks = decks;
        this.quota = quota;
    }

    public Uni<UUID> request(String userId, String bearerToken, String requestId, DeckRequestBody body) {
        // Refused before a plan is drafted for nothing; counted again when the request is remembered.
        return Panache.withTransaction(() -> quota.admit(userId))
                .chain(() -> askForPlan(bearerToken, requestId, body))
                .call(deckId -> Panache.withTransaction(() -> decks.rememberRequest(userId, deckId, requestId,
                        body.model())))
                .invoke(deckId -> Log.infof("Deck %s asked for in one go by user %s", deckId, userId));
    }

    private Uni<UUID> askForPlan(String bearerToken, String requestId, DeckRequestBody body) {
        return content.requestPlan(new PlanRequest(body.documentIds(), body.description(), body.slideCount(),
                body.themeId(), body.research(), body.model()), "Bearer " + bearerToken, requestId)
                .onFailure(f -> !(f instanceof SlideoException)).transform(f -> new SlideoException(
                        ErrorCode.UNAVAILABLE, "The content service did not answer; try again shortly", f))
                .map(OneShotService::deckId);
    }

    private static UUID deckId(PlanAccepted plan) {
        try {
            return UUID.fromString(plan.deckId() != null ? plan.deckId() : plan.id());
        } catch (RuntimeException e) {
            throw new SlideoException(ErrorCode.INTERNAL, "The content service answered without a plan id", e);
        }
    }
}
