package io.slideo.model.ws;

/** The body of a client message. */
public sealed interface ClientPayload
        permits FileUpload, ThemeSelection, ContentPlanning, SlideGeneration, ResearchRequest, Resume, Ping {
}
