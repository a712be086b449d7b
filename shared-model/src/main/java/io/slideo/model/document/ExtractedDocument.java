package io.slideo.model.document;

import java.util.List;
import java.util.Map;

/**
 * What a worker understood of a document: its structure, with page numbers kept for every block,
 * so that each slide bullet can say where it came from.
 */
public record ExtractedDocument(
        String documentId,
        String title,
        String language,
        String mediaType,
        int pages,
        long characters,
        Map<String, String> metadata,
        List<Section> sections) {

    public ExtractedDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
