package io.slideo.model.event;

/** A user asked for web research on a query (WebSocket research_request, or a plan's research step). */
public record ResearchRequested(String researchId, String requestId, String query, int maxResults) {
}
