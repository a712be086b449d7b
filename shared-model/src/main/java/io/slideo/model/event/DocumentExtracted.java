package io.slideo.model.event;

/** Extraction succeeded; the structured document lies in the blob store under {@code resultKey}. */
public record DocumentExtracted(
        String documentId,
        String requestId,
        String title,
        String language,
        int pages,
        long characters,
        int sections,
        String resultKey) {
}
