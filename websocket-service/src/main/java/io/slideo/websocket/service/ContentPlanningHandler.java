package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.ContentPlanning;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.websocket.client.ContentServiceClient;
import io.slideo.websocket.client.PlanRequest;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.domain.SessionStep;
import io.slideo.websocket.repository.SessionStore;
import io.smallrye.mutiny.Uni;

/**
 * Asks content-service for a plan; content-service checks the request. The plan itself comes back
 * later as a plan_response notification carrying this message's id.
 */
@ApplicationScoped
public class ContentPlanningHandler implements ClientMessageHandler {
    private final ContentServiceClient content;
    private final SessionStore sessions;

    ContentPlanningHandler(@RestClient ContentServiceClient content, SessionStore sessions) {
        this.content = content;
        this.sessions = sessions;
    }

    @Override
    public ClientMessageType type() {
        return ClientMessageType.CONTENT_PLANNING;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        ContentPlanning planning = (ContentPlanning) frame.payload();
        Uni<String> themeId = planning.themeId() != null && !planning.themeId().isBlank()
                ? Uni.createFrom().item(planning.themeId())
                : sessions.themeOf(connection);
        return themeId
                .map(theme -> new PlanRequest(planning.documentIds(), planning.description(), planning.slideCount(),
                        theme, planning.research(), planning.model()))
                .chain(request -> content.requestPlan(request, connection.authorization(), requestId)
                        .onFailure().transform(failure -> UpstreamFailures.translate("content-service", failure)))
                .invoke(plan -> Log.infof("User %s asked for plan %s (request %s)", connection.userId(),
                        plan == null ? null : plan.path("id").asText(null), requestId))
                .chain(plan -> sessions.step(connection, SessionStep.PLANNING))
                .chain(() -> sessions.addDocuments(connection, planning.documentIds()));
    }
}
