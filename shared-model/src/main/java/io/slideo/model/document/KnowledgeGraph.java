package io.slideo.model.document;

import java.util.List;

/**
 * What a document is about, found without a model: key phrases (vertices) weighted by PageRank,
 * their co-occurrence (edges), topics (Leiden clusters of phrases, each with a readable label and
 * the sections it lives in) and the most central sentences (TextRank), with pages.
 */
public record KnowledgeGraph(
        String documentId,
        String language,
        List<Phrase> phrases,
        List<Edge> edges,
        List<GraphTopic> topics,
        List<RankedSentence> sentences) {

    public KnowledgeGraph {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        edges = edges == null ? List.of() : List.copyOf(edges);
        topics = topics == null ? List.of() : List.copyOf(topics);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    /** A key phrase; {@code topic} is the id of its topic, -1 when it belongs to none. */
    public record Phrase(String text, double score, int frequency, int topic) {
    }

    /** Two phrases that occur near each other, {@code weight} times (nearer counts more). */
    public record Edge(String source, String target, double weight) {
    }

    /** A cluster of phrases; {@code sections} are the indexes of the sections it is most present in. */
    public record GraphTopic(int id, String label, double score, List<String> phrases, List<Integer> sections) {
        public GraphTopic {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    /** A sentence ranked by how central it is to the document (TextRank). */
    public record RankedSentence(String text, int section, int page, double score) {
    }
}
