package io.slideo.worker.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranking by meaning: the vector of every chunk of the deck's documents (in the order of the chunk
 * lists they were made from) and a way to embed a slide's query (the deck's slides are embedded
 * together up front, so this is a lookup); a query that cannot be embedded leaves that slide to the
 * lexical ranking alone.
 */
public record SemanticIndex(Map<String, List<float[]>> vectors, QueryEmbedder query) {

    @FunctionalInterface
    public interface QueryEmbedder {
        Optional<float[]> embed(String query);
    }

    /** Cosine similarity of two vectors of the same length; 0 for a zero vector. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
