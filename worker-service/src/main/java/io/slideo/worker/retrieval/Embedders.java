package io.slideo.worker.retrieval;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.model.Embedder;
import io.slideo.worker.model.ModelEndpoints;

/**
 * The one embedder of this worker, chosen by configuration: the embedding model on the configured
 * server when there is one, else the small model inside the worker (unless turned off), else none
 * (everything is ranked by its words).
 */
@ApplicationScoped
public class Embedders {
    private final ModelEndpoints models;
    private final LocalEmbeddings local;
    private final WorkerConfig.Model config;

    public Embedders(ModelEndpoints models, LocalEmbeddings local, WorkerConfig config) {
        this.models = models;
        this.local = local;
        this.config = config.model();
    }

    public Optional<Embedder> chosen() {
        Optional<Embedder> api = models.embeddings().map(Embedder.class::cast);
        return api.isPresent() || !config.localEmbeddings() ? api : Optional.of(local);
    }

    /** Most chunks of one document the chosen embedder is given: the local model is slow on a long book. */
    public int maxChunks(Embedder embedder) {
        return embedder instanceof LocalEmbeddings ? config.localEmbeddingMaxChunks() : Integer.MAX_VALUE;
    }
}
