package io.slideo.model.event;

/**
 * Extraction succeeded; the structured document lies in the blob store under {@code resultKey}, its
 * knowledge graph under {@code graphKey} and its retrieval chunks under {@code chunksKey} (both
 * null when they could not be built). {@code parseMillis} is how long the worker spent reading it
 * (parse, graph, chunks), counted against its owner's parse time per hour; 0 from older workers.
 */
public record DocumentExtracted(
        String documentId,
        String requestId,
        String title,
        String language,
        int pages,
        long characters,
        int sections,
        String resultKey,
        String graphKey,
        String chunksKey,
        int topics,
        long parseMillis) {

    /** Without the parse time: what workers before the parse-time quota sent. */
    public DocumentExtracted(String documentId, String requestId, String title, String language, int pages,
            long characters, int sections, String resultKey, String graphKey, String chunksKey, int topics) {
        this(documentId, requestId, title, language, pages, characters, sections, resultKey, graphKey, chunksKey, topics,
                0);
    }

    /** Without a graph or chunks: what the first version of this event carried. */
    public DocumentExtracted(String documentId, String requestId, String title, String language, int pages,
            long characters, int sections, String resultKey) {
        this(documentId, requestId, title, language, pages, characters, sections, resultKey, null, null, 0, 0);
    }
}
