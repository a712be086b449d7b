package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.ThemeSelection;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.websocket.client.ContentServiceClient;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.smallrye.mutiny.Uni;

/** Keeps the theme in the session once content-service confirms it exists; plans use it by default. */
@ApplicationScoped
public class ThemeSelectionHandler implements ClientMessageHandler {
    private final ContentServiceClient content;
    private final SessionStore sessions;

    ThemeSelectionHandler(@RestClient ContentServiceClient content, SessionStore sessions) {
        this.content = content;
        this.sessions = sessions;
    }

    @Override
    public ClientMessageType type() {
        return ClientMessageType.THEME_SELECTION;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        String themeId = ((ThemeSelection) frame.payload()).themeId();
        if (themeId == null || themeId.isBlank()) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.INVALID_FIELD, "Field 'theme_id' is required"));
        }
        return content.theme(themeId, connection.authorization(), requestId)
                .onFailure().transform(failure -> UpstreamFailures.translate("content-service", failure))
                .chain(theme -> sessions.selectTheme(connection, themeId))
                .invoke(() -> Log.infof("User %s selected theme %s on connection %s", connection.userId(), themeId,
                        connection.id()));
    }
}
