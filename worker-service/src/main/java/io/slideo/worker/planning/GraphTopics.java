package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.document.KnowledgeGraph.GraphTopic;
import io.slideo.worker.text.Passage;

/**
 * Slides along a document's topics rather than its sections: each passage goes to the topic whose
 * phrases it mentions most; topics are ordered by where they first come up and titled by their label.
 */
final class GraphTopics {
    private static final int MIN_PASSAGES = 2;

    private GraphTopics() {
    }

    static List<Topic> of(ExtractedDocument document, KnowledgeGraph graph) {
        List<GraphTopic> topics = graph.topics();
        List<List<Passage>> assigned = new ArrayList<>();
        topics.forEach(t -> assigned.add(new ArrayList<>()));
        for (Passage passage : Passage.of(document)) {
            String text = passage.text().toLowerCase(Locale.ROOT);
            int best = -1;
            int bestHits = 0;
            for (int t = 0; t < topics.size(); t++) {
                int hits = 0;
                for (String phrase : topics.get(t).phrases()) {
                    if (text.contains(phrase.toLowerCase(Locale.ROOT))) {
                        hits++;
                    }
                }
                if (hits > bestHits) {
                    best = t;
                    bestHits = hits;
                }
            }
            if (best >= 0) {
                assigned.get(best).add(passage);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            if (assigned.get(t).size() >= MIN_PASSAGES) {
                order.add(t);
            }
        }
        order.sort(Comparator.comparingInt(t -> firstPosition(document, assigned.get(t).get(0))));
        List<Topic> result = new ArrayList<>();
        for (int t : order) {
            result.add(new Topic(document.documentId(), topics.get(t).label(), false, List.of(assigned.get(t))));
        }
        return result;
    }

    private static int firstPosition(ExtractedDocument document, Passage passage) {
        return passage.section() * 100_000 + passage.page();
    }
}
