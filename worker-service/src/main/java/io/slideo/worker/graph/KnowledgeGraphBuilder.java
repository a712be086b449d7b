package io.slideo.worker.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.document.KnowledgeGraph.Edge;
import io.slideo.model.document.KnowledgeGraph.GraphTopic;
import io.slideo.model.document.KnowledgeGraph.Phrase;
import io.slideo.model.document.KnowledgeGraph.RankedSentence;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.text.Passage;

/**
 * Builds a document's knowledge graph: key phrases as vertices, co-occurrence within a window of
 * sentences as weighted edges (same sentence 1, next sentence 0.5), importance by PageRank, topics
 * by Leiden clustering with a label of their most central phrases, and sentences ranked by TextRank.
 */
@ApplicationScoped
public class KnowledgeGraphBuilder {
    // How far down a topic's phrases a fuller form of its first phrase may stand and still name it.
    private static final int FULLER_PHRASE_WINDOW = 3;
    private static final double NEXT_SENTENCE_WEIGHT = 0.5;
    private static final long SEED = 42;
    private static final int MAX_EDGES_BEFORE_PRUNING = 60_000;

    private final WorkerConfig.Graph config;

    public KnowledgeGraphBuilder(WorkerConfig config) {
        this.config = config.graph();
    }

    public KnowledgeGraph build(ExtractedDocument document) {
        PhraseExtractor extractor = new PhraseExtractor(document.language());
        List<Passage> passages = Passage.of(document);
        List<Set<String>> keysPerSentence = new ArrayList<>(passages.size());
        Map<String, PhraseCount> counts = new LinkedHashMap<>();
        for (Passage passage : passages) {
            Set<String> keys = new LinkedHashSet<>();
            for (PhraseExtractor.Candidate candidate : extractor.phrases(passage.text())) {
                keys.add(candidate.key());
                counts.computeIfAbsent(candidate.key(), k -> new PhraseCount()).seen(candidate.surface(), passage.section());
            }
            keysPerSentence.add(keys);
        }
        List<String> vertices = keep(counts);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            ids.put(vertices.get(i), i);
        }
        Edges edges = edges(cooccurrence(passages, keysPerSentence, ids));
        double[] importance = pageRank(vertices.size(), edges);
        int[] clusters = cluster(vertices.size(), edges);

        List<GraphTopic> topics = topics(vertices, counts, importance, clusters);
        Map<Integer, Integer> topicOfCluster = new HashMap<>();
        topics.forEach(t -> topicOfCluster.put(t.id(), t.id()));
        List<Phrase> phrases = new ArrayList<>();
        for (int i = 0; i < vertices.size(); i++) {
            PhraseCount count = counts.get(vertices.get(i));
            phrases.add(new Phrase(count.surface(), round(importance[i]), count.total,
                    topicOfCluster.getOrDefault(clusters[i], -1)));
        }
        phrases.sort(Comparator.comparingDouble(Phrase::score).reversed());
        return new KnowledgeGraph(document.documentId(), document.language(),
                phrases.subList(0, Math.min(phrases.size(), config.maxPhrasesShown())),
                strongest(vertices, counts, edges), topics, TextRank.rank(passages, keysPerSentence, ids.keySet(), config.sentences()));
    }

    /** The most frequent phrases (seen at least twice, unless the document is tiny). */
    private List<String> keep(Map<String, PhraseCount> counts) {
        int minimum = counts.size() > 60 ? 2 : 1;
        return counts.entrySet().stream()
                .filter(e -> e.getValue().total >= minimum)
                .sorted(Comparator.comparingInt((Map.Entry<String, PhraseCount> e) -> e.getValue().total).reversed())
                .limit(config.maxPhrases())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static PairWeights cooccurrence(List<Passage> passages, List<Set<String>> keysPerSentence,
            Map<String, Integer> ids) {
        PairWeights weights = new PairWeights();
        List<int[]> idsPerSentence = new ArrayList<>(keysPerSentence.size());
        keysPerSentence.forEach(keys -> idsPerSentence.add(idsOf(keys, ids)));
        for (int s = 0; s < idsPerSentence.size(); s++) {
            int[] here = idsPerSentence.get(s);
            for (int a = 0; a < here.length; a++) {
                for (int b = a + 1; b < here.length; b++) {
                    weights.add(here[a], here[b], 1.0);
                }
            }
            if (s + 1 < idsPerSentence.size() && passages.get(s + 1).section() == passages.get(s).section()) {
                for (int a : here) {
                    for (int b : idsPerSentence.get(s + 1)) {
                        weights.add(a, b, NEXT_SENTENCE_WEIGHT);
                    }
                }
            }
        }
        return weights;
    }

    /**
     * The edges, as parallel arrays. On a long document the weakest co-occurrences (once, in
     * neighbouring sentences) are left out: they are most of the pairs and say least.
     */
    private static Edges edges(PairWeights weights) {
        double minimum = weights.size() > MAX_EDGES_BEFORE_PRUNING ? 1.0 : 0;
        List<int[]> pairs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        weights.forEach(minimum, (a, b, w) -> {
            pairs.add(new int[] { a, b });
            values.add(w);
        });
        int[] from = new int[pairs.size()];
        int[] to = new int[pairs.size()];
        double[] w = new double[pairs.size()];
        for (int e = 0; e < from.length; e++) {
            from[e] = pairs.get(e)[0];
            to[e] = pairs.get(e)[1];
            w[e] = values.get(e);
        }
        return new Edges(from, to, w);
    }

    private record Edges(int[] from, int[] to, double[] weights) {
        int size() {
            return from.length;
        }
    }

    private static double[] pageRank(int vertices, Edges edges) {
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < vertices; i++) {
            graph.addVertex(i);
        }
        for (int e = 0; e < edges.size(); e++) {
            graph.setEdgeWeight(graph.addEdge(edges.from()[e], edges.to()[e]), edges.weights()[e]);
        }
        double[] scores = new double[vertices];
        if (vertices > 0) {
            PageRank<Integer, DefaultWeightedEdge> rank = new PageRank<>(graph);
            rank.getScores().forEach((vertex, score) -> scores[vertex] = score);
        }
        return scores;
    }

    private int[] cluster(int vertices, Edges edges) {
        return TopicClusterer.cluster(vertices, edges.from(), edges.to(), edges.weights(), config.resolution(), SEED);
    }

    private List<GraphTopic> topics(List<String> vertices, Map<String, PhraseCount> counts, double[] importance,
            int[] clusters) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            members.computeIfAbsent(clusters[i], c -> new ArrayList<>()).add(i);
        }
        List<GraphTopic> topics = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> cluster : members.entrySet()) {
            List<Integer> phrases = new ArrayList<>(cluster.getValue());
            if (phrases.size() < config.minTopicPhrases()) {
                continue;
            }
            phrases.sort(Comparator.comparingDouble((Integer i) -> importance[i]).reversed());
            List<String> surfaces = phrases.stream().map(i -> counts.get(vertices.get(i)).surface()).toList();
            double score = phrases.stream().mapToDouble(i -> importance[i]).sum();
            topics.add(new GraphTopic(cluster.getKey(), label(surfaces), round(score),
                    surfaces.subList(0, Math.min(surfaces.size(), config.phrasesPerTopic())),
                    sections(phrases, vertices, counts)));
        }
        topics.sort(Comparator.comparingDouble(GraphTopic::score).reversed());
        return topics.subList(0, Math.min(topics.size(), config.maxTopics()));
    }

    /**
     * The two most central phrases, e.g. "Trace trees, loop nesting". A single word gives way to a
     * fuller phrase of it among the next few ("States" to "United States"), and the second phrase is
     * the first that shares no word with the first ("United States, medical care", not "States, United").
     */
    static String label(List<String> surfaces) {
        String first = surfaces.get(0);
        for (String fuller : surfaces.subList(1, Math.min(surfaces.size(), 1 + FULLER_PHRASE_WINDOW))) {
            if (words(fuller).size() > words(first).size() && words(fuller).containsAll(words(first))) {
                first = fuller;
                break;
            }
        }
        Set<String> taken = words(first);
        String second = surfaces.stream().filter(s -> words(s).stream().noneMatch(taken::contains)).findFirst().orElse(null);
        String label = second == null ? first : first + ", " + second;
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static Set<String> words(String phrase) {
        return Set.copyOf(List.of(phrase.toLowerCase(Locale.ROOT).split("\\s+")));
    }

    /** The sections holding at least a sixth of the topic's occurrences, most first. */
    private static List<Integer> sections(List<Integer> phrases, List<String> vertices, Map<String, PhraseCount> counts) {
        Map<Integer, Integer> bySection = new HashMap<>();
        int total = 0;
        for (int i : phrases) {
            for (Map.Entry<Integer, Integer> e : counts.get(vertices.get(i)).bySection.entrySet()) {
                bySection.merge(e.getKey(), e.getValue(), Integer::sum);
                total += e.getValue();
            }
        }
        int threshold = Math.max(1, total / 6);
        return bySection.entrySet().stream()
                .filter(e -> e.getValue() >= threshold)
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<Edge> strongest(List<String> vertices, Map<String, PhraseCount> counts, Edges edges) {
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            order.add(e);
        }
        order.sort(Comparator.comparingDouble((Integer e) -> edges.weights()[e]).reversed());
        return order.stream().limit(config.maxEdgesShown())
                .map(e -> new Edge(counts.get(vertices.get(edges.from()[e])).surface(),
                        counts.get(vertices.get(edges.to()[e])).surface(), edges.weights()[e]))
                .toList();
    }

    private static int[] idsOf(Set<String> keys, Map<String, Integer> ids) {
        int[] found = new int[keys.size()];
        int n = 0;
        for (String key : keys) {
            Integer id = ids.get(key);
            if (id != null) {
                found[n++] = id;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** How often a phrase occurs, how it is most often written, and in which sections. */
    private static final class PhraseCount {
        int total;
        final Map<String, Integer> surfaces = new HashMap<>();
        final Map<Integer, Integer> bySection = new HashMap<>();

        void seen(String surface, int section) {
            total++;
            surfaces.merge(surface, 1, Integer::sum);
            bySection.merge(section, 1, Integer::sum);
        }

        String surface() {
            return surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> e.getKey().equals(e.getKey().toLowerCase()) ? 1 : 0))
                    .map(Map.Entry::getKey).orElse("");
        }
    }
}
