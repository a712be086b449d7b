package io.slideo.worker.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

import io.slideo.model.document.KnowledgeGraph.RankedSentence;
import io.slideo.worker.text.Passage;

/**
 * Sentences ranked TextRank-style: sentences are vertices, two sentences are linked by the key
 * phrases they share (normalised by their lengths, as in Mihalcea and Tarau), PageRank ranks them.
 */
final class TextRank {
    // A phrase in very many sentences links everything to everything and says nothing; and the
    // pairs of sentences grow with the square of this.
    private static final int MAX_SENTENCES_PER_PHRASE = 20;

    private TextRank() {
    }

    /** Sentences linked by the graph's phrases ({@code vertices}) only: rare phrases are noise. */
    static List<RankedSentence> rank(List<Passage> passages, List<Set<String>> keysPerSentence, Set<String> vertices,
            int keep) {
        Map<String, List<Integer>> sentencesOfPhrase = new HashMap<>();
        for (int s = 0; s < keysPerSentence.size(); s++) {
            for (String key : keysPerSentence.get(s)) {
                if (vertices.contains(key)) {
                    sentencesOfPhrase.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                }
            }
        }
        PairWeights shared = new PairWeights();
        for (List<Integer> sentences : sentencesOfPhrase.values()) {
            if (sentences.size() < 2 || sentences.size() > MAX_SENTENCES_PER_PHRASE) {
                continue;
            }
            for (int a = 0; a < sentences.size(); a++) {
                for (int b = a + 1; b < sentences.size(); b++) {
                    shared.add(sentences.get(a), sentences.get(b), 1);
                }
            }
        }
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        shared.forEach(0, (a, b, count) -> {
            double norm = Math.log(1 + keysPerSentence.get(a).size()) + Math.log(1 + keysPerSentence.get(b).size());
            graph.addVertex(a);
            graph.addVertex(b);
            graph.setEdgeWeight(graph.addEdge(a, b), count / Math.max(norm, 1e-9));
        });
        if (graph.vertexSet().isEmpty()) {
            return List.of();
        }
        Map<Integer, Double> scores = new PageRank<>(graph).getScores();
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(keep)
                .map(e -> {
                    Passage p = passages.get(e.getKey());
                    return new RankedSentence(p.text(), p.section(), p.page(), Math.round(e.getValue() * 1e6) / 1e6);
                })
                .sorted(Comparator.comparingDouble(RankedSentence::score).reversed())
                .toList();
    }
}
