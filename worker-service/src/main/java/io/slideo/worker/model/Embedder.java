package io.slideo.worker.model;

import java.util.List;

/**
 * What turns texts into vectors that can be compared by meaning: the configured embedding API
 * ({@link EmbeddingEndpoint}) or, without one, the small model that runs in this process.
 */
public interface Embedder {
    /** The model's name: vectors of different models are never compared, nor kept under one name. */
    String model();

    /** One vector per text, in order; a RuntimeException when the texts could not be embedded. */
    List<float[]> embed(List<String> texts);
}
