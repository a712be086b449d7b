package io.slideo.model.event;

import java.util.List;

/**
 * What web research found for a query, with its sources; empty with a {@code message} saying why
 * when research is off (no key) or the services failed.
 */
public record ResearchCompleted(String researchId, String requestId, String query, List<ResearchSource> sources,
        String message) {

    public ResearchCompleted {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** One source: its address, title, a summary and (when fetched) its cleaned text. */
    public record ResearchSource(String url, String title, String summary, String content) {
    }
}
