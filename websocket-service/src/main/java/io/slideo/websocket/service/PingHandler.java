package io.slideo.websocket.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/** Keep-alive: the ack (and the session renewal every message gets) is the whole answer. */
@ApplicationScoped
public class PingHandler implements ClientMessageHandler {

    @Override
    public ClientMessageType type() {
        return ClientMessageType.PING;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        return Uni.createFrom().voidItem();
    }
}
