package io.slideo.worker.planning;

import java.util.List;

import io.slideo.worker.text.Passage;

/**
 * A candidate content slide: a part of one document in reading order (a top-level section with its
 * subsections, one subsection, or a stretch of text without headings). {@code heading} is the
 * document's own heading for it, empty when the text has none; each group holds the passages of one
 * section, so a slide can speak of each of its subsections; {@code sections} are the indexes of the
 * sections it covers (a sheet of figures has a table and no sentences).
 */
record Topic(String documentId, String heading, boolean frontMatter, List<List<Passage>> groups,
        List<Integer> sections) {

    Topic {
        heading = heading == null ? "" : heading.trim();
        groups = groups.stream().filter(g -> !g.isEmpty()).map(List::copyOf).toList();
        sections = List.copyOf(sections);
    }

    /** A part made of passages: it covers the sections they come from. */
    Topic(String documentId, String heading, boolean frontMatter, List<List<Passage>> groups) {
        this(documentId, heading, frontMatter, groups, groups.stream().flatMap(List::stream).map(Passage::section)
                .distinct().toList());
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
}
