package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.List;

import io.slideo.worker.text.Passage;

/**
 * A candidate content slide: a top-level section with its subsections, or what merging and splitting
 * made of such sections. Each group is the passages of one original part, so a merged topic can draw
 * key points from all its parts.
 */
record Topic(String documentId, String title, boolean frontMatter, List<List<Passage>> groups) {

    Topic {
        groups = groups.stream().filter(g -> !g.isEmpty()).map(List::copyOf).toList();
    }

    List<Passage> passages() {
        return groups.stream().flatMap(List::stream).toList();
    }

    int size() {
        return passages().stream().mapToInt(p -> p.text().length()).sum();
    }

    Topic mergedWith(Topic next) {
        List<List<Passage>> merged = new ArrayList<>(groups);
        merged.addAll(next.groups);
        // The merged slide opens where its first part does, so it keeps that title (front matter has none worth keeping).
        String kept = frontMatter && !next.frontMatter ? next.title : title;
        return new Topic(documentId, kept, frontMatter && next.frontMatter, merged);
    }
}
