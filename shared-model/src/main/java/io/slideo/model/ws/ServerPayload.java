package io.slideo.model.ws;

/** The body of a server message; it knows which message type carries it. */
public interface ServerPayload {
    ServerMessageType messageType();
}
