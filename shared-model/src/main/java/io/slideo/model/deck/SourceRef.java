package io.slideo.model.deck;

/** Where a piece of slide text came from: a document and, where known, its page (1-based). */
public record SourceRef(String documentId, Integer page) {
}
