package io.slideo.model.event;

/**
 * Extraction succeeded; the structured document lies in the blob store under {@code resultKey}, its
 * knowledge graph under {@code graphKey} and its retrieval chunks under {@code chunksKey} (both
 * null when they could not be built).
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
        int topics) {

    /** Without a graph or chunks: what the first version of this event carried. */
    public DocumentExtracted(String documentId, String requestId, String title, String language, int pages,
            long characters, int sections, String resultKey) {
        this(documentId, requestId, title, language, pages, characters, sections, resultKey, null, null, 0);
    }
}
