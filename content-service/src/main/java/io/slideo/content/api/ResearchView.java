package io.slideo.content.api;

import java.time.Instant;
import java.util.List;

import io.slideo.model.event.ResearchCompleted;

/**
 * Research as a client reads it: searching (no sources yet) or done, the query, each source with its URL,
 * or why there are none.
 */
public record ResearchView(String id, String status, String query, String message, List<ResearchCompleted.ResearchSource> sources,
        Instant createdAt) {
}
