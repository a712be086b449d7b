package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/** resume is part of the protocol but not of this walking skeleton: acknowledged, then refused with NOT_IMPLEMENTED. */
@ApplicationScoped
public class ResumeHandler implements ClientMessageHandler {

    @Override
    public ClientMessageType type() {
        return ClientMessageType.RESUME;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        return Uni.createFrom().failure(new SlideoException(ErrorCode.NOT_IMPLEMENTED,
                "Resuming missed notifications arrives with the live-channel work (Redis streams); reconnect and reload for now"));
    }
}
