package io.slideo.worker.model;

import java.util.List;

import jakarta.enterprise.util.TypeLiteral;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.smallrye.faulttolerance.api.Guard;

/** The embedding model on the configured server, with a guard of its own like every model endpoint. */
public record EmbeddingEndpoint(String model, EmbeddingModel embedding, Guard guard) implements Embedder {
    private static final TypeLiteral<List<Embedding>> VECTORS = new TypeLiteral<>() {
    };

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        try {
            List<Embedding> answer = guard.call(() -> embedding.embedAll(segments).content(), VECTORS);
            if (answer.size() != texts.size()) {
                throw new IllegalStateException("asked for " + texts.size() + " vectors, got " + answer.size());
            }
            return answer.stream().map(Embedding::vector).toList();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(ModelFailures.describe(e), e);
        }
    }
}
