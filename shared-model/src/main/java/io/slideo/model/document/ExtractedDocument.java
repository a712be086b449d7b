package io.slideo.model.document;

import java.util.List;
import java.util.Map;

/**
 * What a worker understood of a document: its structure, with page numbers kept for every block,
 * so that each slide bullet can say where it came from, and the figures it holds.
 */
public record ExtractedDocument(
        String documentId,
        String title,
        String language,
        String mediaType,
        int pages,
        long characters,
        Map<String, String> metadata,
        List<Section> sections,
        List<Figure> figures) {

    public ExtractedDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        sections = sections == null ? List.of() : List.copyOf(sections);
        // Results stored before figures were extracted have none.
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    public ExtractedDocument(String documentId, String title, String language, String mediaType, int pages,
            long characters, Map<String, String> metadata, List<Section> sections) {
        this(documentId, title, language, mediaType, pages, characters, metadata, sections, List.of());
    }

    /** The same document with these figures. */
    public ExtractedDocument withFigures(List<Figure> found) {
        return new ExtractedDocument(documentId, title, language, mediaType, pages, characters, metadata, sections,
                found);
    }
}
