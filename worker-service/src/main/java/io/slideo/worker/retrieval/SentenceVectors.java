package io.slideo.worker.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.logging.Log;
import io.slideo.worker.model.Embedder;

/**
 * The meaning of the sentences one plan considers, embedded when first asked for and remembered for
 * the rest of the plan: the planner asks only for the points it is about to say (a few dozen for a
 * deck), never for every sentence of a long book, which the model inside the worker could not embed
 * within a deck's time. Without an embedder, or once it has failed, there are no vectors and the
 * planner compares points by their words alone.
 */
public final class SentenceVectors {
    private final Optional<Embedder> embedder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private volatile boolean failed;

    public SentenceVectors(Optional<Embedder> embedder) {
        this.embedder = embedder;
    }

    public static SentenceVectors none() {
        return new SentenceVectors(Optional.empty());
    }

    /** The sentence's vector, or empty (no embedder, or it failed: the plan goes on without meaning). */
    public Optional<float[]> of(String sentence) {
        if (embedder.isEmpty() || failed) {
            return Optional.empty();
        }
        float[] known = vectors.get(sentence);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            float[] vector = embedder.get().embed(List.of(sentence)).get(0);
            vectors.put(sentence, vector);
            return Optional.of(vector);
        } catch (RuntimeException e) {
            failed = true;
            Log.warnf("Embedding with %s failed; this plan compares its points by their words: %s",
                    embedder.get().model(), e.toString());
            return Optional.empty();
        }
    }

    /** Cosine similarity of two vectors of one model: 1 for the same meaning, near 0 for unrelated ones. */
    public static double similarity(float[] a, float[] b) {
        return SemanticIndex.cosine(a, b);
    }
}
