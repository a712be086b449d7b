package io.slideo.worker.planning;

import java.util.List;

import io.slideo.worker.text.Passage;

/**
 * A candidate content slide: a part of one document in reading order (a top-level section with its
 * subsections, one subsection, or a stretch of text without headings). {@code heading} is the
 * document's own heading for it, empty when the text has none; each group holds the passages of one
 * section, so a slide can speak of each of its subsections.
 */
record Topic(String documentId, String heading, boolean frontMatter, List<List<Passage>> groups) {

    Topic {
        heading = heading == null ? "" : heading.trim();
        groups = groups.stream().filter(g -> !g.isEmpty()).map(List::copyOf).toList();
    }

    List<Passage> passages() {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** Characters of text: how much the part has to say. */
    int size() {
        return passages().stream().mapToInt(p -> p.text().length()).sum();
    }

    boolean titled() {
        return !heading.isEmpty();
    }

    /** Where the part starts in its document, to keep the deck in reading order. */
    int position() {
        List<Passage> passages = passages();
        return passages.isEmpty() ? Integer.MAX_VALUE : passages.get(0).section() * 10_000 + passages.get(0).block();
    }
}
