package io.slideo.model.ws;

/** The body of a server message; it knows which message type carries it. */
public sealed interface ServerPayload permits Ack, ProgressUpdate, FileProcessed, PlanResponse, SlideComplete,
        DeckComplete, ResearchResponse, ErrorResponse, ResyncRequired {
    ServerMessageType messageType();
}
