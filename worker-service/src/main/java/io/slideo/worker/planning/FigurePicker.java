package io.slideo.worker.planning;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.slideo.model.deck.SlideFigure;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;

/**
 * The figure a content slide shows beside its bullets: one of its sections' figures that no other
 * slide shows, the captioned before the merely described, the larger first. A figure with neither
 * caption nor alt text is never shown: a writer that cannot see it could not say what it is. At most
 * one content slide in {@link #EVERY} gets a figure, so a deck stays a talk and not an album; a figure
 * the quality gate would find too small to read in its column is not chosen.
 */
final class FigurePicker {
    static final int EVERY = 3;
    private static final Comparator<Figure> PREFERRED = Comparator
            .comparing((Figure f) -> f.caption() == null || f.caption().isBlank())
            .thenComparing(Comparator.comparingLong((Figure f) -> (long) f.width() * f.height()).reversed());

    private final Map<String, ExtractedDocument> documents;
    private final Set<String> shown = new HashSet<>();

    FigurePicker(Map<String, ExtractedDocument> documents) {
        this.documents = documents;
    }

    /** The figure for a slide on {@code topic}, when {@code slidesBefore} content slides come first. */
    Optional<SlideFigure> pick(Topic topic, int slidesBefore) {
        return pick(topic.documentId(), topic.sections(), slidesBefore);
    }

    /** The figure for a slide on these sections of a document, when {@code slidesBefore} content slides come first. */
    Optional<SlideFigure> pick(String documentId, Collection<Integer> sections, int slidesBefore) {
        ExtractedDocument document = documents.get(documentId);
        if (document == null || shown.size() > slidesBefore / EVERY) {
            return Optional.empty();
        }
        Optional<Figure> best = document.figures().stream()
                .filter(f -> sections.contains(f.section()) && f.description() != null && !shown.contains(f.blobKey()))
                .filter(f -> FigurePlacement.problem(shown(document, f)).isEmpty())
                .min(PREFERRED);
        best.ifPresent(f -> shown.add(f.blobKey()));
        return best.map(f -> shown(document, f));
    }

    private static SlideFigure shown(ExtractedDocument document, Figure figure) {
        return new SlideFigure(document.documentId(), document.title(), figure.blobKey(), figure.mediaType(),
                figure.width(), figure.height(), figure.page(), figure.caption(), figure.altText());
    }
}
