package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.List;

import io.slideo.worker.text.Passage;

/**
 * A candidate content slide: a part of one document in reading order (a top-level section with its
 * subsections, one subsection, or a stretch of text without headings), or adjacent parts joined when
 * there are more parts than slides. {@code heading} is the document's own heading for it, empty when
 * the text has none; each group holds the passages of one section, so a slide can speak of each of
 * its subsections; {@code partHeadings} names, for each group, the heading of the part it came from
 * (the topic's own heading unless parts were joined); {@code sections} are the indexes of the sections
 * it covers (a sheet of figures has a table and no sentences).
 */
record Topic(String documentId, String heading, boolean frontMatter, List<List<Passage>> groups,
        List<String> partHeadings, List<Integer> sections) {

    Topic {
        heading = heading == null ? "" : heading.trim();
        List<List<Passage>> kept = new ArrayList<>();
        List<String> keptHeadings = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).isEmpty()) {
                kept.add(List.copyOf(groups.get(g)));
                keptHeadings.add(partHeadings == null ? heading : partHeadings.get(g));
            }
        }
        groups = List.copyOf(kept);
        partHeadings = List.copyOf(keptHeadings);
        sections = List.copyOf(sections);
    }

    Topic(String documentId, String heading, boolean frontMatter, List<List<Passage>> groups, List<Integer> sections) {
        this(documentId, heading, frontMatter, groups, null, sections);
    }

    /** A part made of passages: it covers the sections they come from. */
    Topic(String documentId, String heading, boolean frontMatter, List<List<Passage>> groups) {
        this(documentId, heading, frontMatter, groups, groups.stream().flatMap(List::stream).map(Passage::section)
                .distinct().toList());
    }

    /**
     * Two adjacent parts of one document as one slide, under the heading of the one with more to say
     * until its points are known (see {@link #retitled}).
     */
    static Topic joined(Topic first, Topic second) {
        List<List<Passage>> groups = new ArrayList<>(first.groups);
        groups.addAll(second.groups);
        List<String> headings = new ArrayList<>(first.partHeadings);
        headings.addAll(second.partHeadings);
        List<Integer> sections = new ArrayList<>(first.sections);
        sections.addAll(second.sections);
        Topic larger = first.size() >= second.size() || !second.titled() ? first : second;
        return new Topic(first.documentId, larger.heading, first.frontMatter && second.frontMatter, groups, headings,
                sections);
    }

    /** The same parts under another of their headings. */
    Topic retitled(String partHeading) {
        return new Topic(documentId, partHeading, frontMatter, groups, partHeadings, sections);
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

    /** How many parts it joins (1 for a part as the document has it). */
    int parts() {
        int count = 0;
        for (int g = 0; g < partHeadings.size(); g++) {
            if (g == 0 || !partHeadings.get(g).equals(partHeadings.get(g - 1))) {
                count++;
            }
        }
        return Math.max(1, count);
    }

    /** The heading of the part the passage came from (the topic's own unless parts were joined). */
    String partOf(Passage passage) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(passage)) {
                return partHeadings.get(g);
            }
        }
        return heading;
    }
}
