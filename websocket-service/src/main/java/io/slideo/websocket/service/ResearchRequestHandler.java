package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.ResearchRequest;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.websocket.client.ContentServiceClient;
import io.slideo.websocket.client.ResearchQuery;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * Asks content-service for web research, which stores the request and hands it to a worker; the
 * answer (sources, or why research could not run) comes back as a research_response carrying this
 * message's id.
 */
@ApplicationScoped
public class ResearchRequestHandler implements ClientMessageHandler {
    private final ContentServiceClient content;

    ResearchRequestHandler(@RestClient ContentServiceClient content) {
        this.content = content;
    }

    @Override
    public ClientMessageType type() {
        return ClientMessageType.RESEARCH_REQUEST;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        ResearchRequest research = (ResearchRequest) frame.payload();
        if (research.query() == null || research.query().isBlank()) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.INVALID_FIELD, "Field 'query' is required"));
        }
        return content.requestResearch(new ResearchQuery(research.query(), research.maxResults()),
                        connection.authorization(), requestId)
                .onFailure().transform(failure -> UpstreamFailures.translate("content-service", failure))
                .invoke(accepted -> Log.infof("User %s asked for research %s (request %s)", connection.userId(),
                        accepted == null ? null : accepted.path("id").asText(null), requestId))
                .replaceWithVoid();
    }
}
