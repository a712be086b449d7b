package io.slideo.worker.model;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.smallrye.faulttolerance.api.Guard;

/** The embedding model on the configured server, with a guard of its own like every model endpoint. */
public record EmbeddingEndpoint(String model, EmbeddingModel embedding, Guard guard) {
}
