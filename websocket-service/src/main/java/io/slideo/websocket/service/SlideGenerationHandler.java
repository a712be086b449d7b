package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.SlideGeneration;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.websocket.client.GenerationRequest;
import io.slideo.websocket.client.SlideServiceClient;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.domain.SessionStep;
import io.slideo.websocket.repository.SessionStore;
import io.smallrye.mutiny.Uni;

/** Asks slide-service to write a deck's slides; slide_complete and deck_complete come as notifications. */
@ApplicationScoped
public class SlideGenerationHandler implements ClientMessageHandler {
    private final SlideServiceClient slides;
    private final SessionStore sessions;

    SlideGenerationHandler(@RestClient SlideServiceClient slides, SessionStore sessions) {
        this.slides = slides;
        this.sessions = sessions;
    }

    @Override
    public ClientMessageType type() {
        return ClientMessageType.SLIDE_GENERATION;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        SlideGeneration generation = (SlideGeneration) frame.payload();
        if (generation.deckId() == null || generation.deckId().isBlank()) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.INVALID_FIELD, "Field 'deck_id' is required"));
        }
        return slides.requestGeneration(generation.deckId(),
                        new GenerationRequest(generation.slideIndexes(), generation.instructions(),
                                generation.model()),
                        connection.authorization(), requestId)
                .onFailure().transform(failure -> UpstreamFailures.translate("slide-service", failure))
                .invoke(accepted -> Log.infof("User %s started generation %s of deck %s (request %s)",
                        connection.userId(), accepted == null ? null : accepted.path("generationId").asText(null),
                        generation.deckId(), requestId))
                .chain(accepted -> sessions.step(connection, SessionStep.GENERATING));
    }
}
