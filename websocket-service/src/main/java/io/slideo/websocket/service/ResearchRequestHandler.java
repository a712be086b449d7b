package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/** research_request is part of the protocol; research itself arrives with the model work, so it is acknowledged, then refused with NOT_IMPLEMENTED. */
@ApplicationScoped
public class ResearchRequestHandler implements ClientMessageHandler {

    @Override
    public ClientMessageType type() {
        return ClientMessageType.RESEARCH_REQUEST;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        return Uni.createFrom().failure(new SlideoException(ErrorCode.NOT_IMPLEMENTED,
                "Web research is not offered yet (it arrives with the research and model work); plan with research off for now"));
    }
}
