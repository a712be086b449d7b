package io.slideo.websocket.service;

import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * What happens after a client message was acknowledged; one implementation per message type. A
 * failure with a {@link io.slideo.model.error.SlideoException} reaches the client as its
 * error_response; later replies arrive as notifications.
 */
public interface ClientMessageHandler {

    ClientMessageType type();

    /** {@code requestId} is the message's id, or one made up for it; pass it on as X-Request-Id. */
    Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId);
}
