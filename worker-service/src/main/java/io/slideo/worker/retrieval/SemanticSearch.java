package io.slideo.worker.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.quarkus.logging.Log;
import io.slideo.model.document.Chunk;
import io.slideo.worker.model.EmbeddingEndpoint;
import io.slideo.worker.model.ModelFailures;
import io.slideo.worker.model.ModelEndpoints;
import io.slideo.worker.repository.ChunkVectors;

/**
 * Builds the {@link SemanticIndex} of a deck's documents when an embedding model is configured:
 * each document's chunks are embedded once per model (in batches, through the endpoint's guard) and
 * kept in the blob store. Embedding is an improvement, never a requirement: if it fails, the deck is
 * written with the lexical ranking and the reason is logged.
 */
@ApplicationScoped
public class SemanticSearch {
    private static final int BATCH = 64;
    private static final TypeLiteral<List<Embedding>> VECTORS = new TypeLiteral<>() {
    };

    private final ModelEndpoints models;
    private final ChunkVectors stored;

    SemanticSearch(ModelEndpoints models, ChunkVectors stored) {
        this.models = models;
        this.stored = stored;
    }

    /**
     * The index of these chunks (by document id), with the slides' {@code queries} embedded in one call;
     * empty without an embedding model or when embedding fails.
     */
    public Optional<SemanticIndex> index(Map<String, List<Chunk>> chunks, List<String> queries) {
        Optional<EmbeddingEndpoint> endpoint = models.embeddings();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        EmbeddingEndpoint embeddings = endpoint.get();
        Map<String, List<float[]>> vectors = new LinkedHashMap<>();
        Map<String, float[]> embeddedQueries = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            for (Map.Entry<String, List<Chunk>> document : chunks.entrySet()) {
                vectors.put(document.getKey(), vectorsOf(embeddings, document.getKey(), document.getValue()));
            }
            List<String> distinct = queries.stream().distinct().toList();
            for (int from = 0; from < distinct.size(); from += BATCH) {
                List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
                List<Embedding> answer = call(embeddings, batch.stream().map(TextSegment::from).toList());
                for (int i = 0; i < Math.min(batch.size(), answer.size()); i++) {
                    embeddedQueries.put(batch.get(i), answer.get(i).vector());
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Embedding with %s failed, ranking by words alone: %s", embeddings.model(), e.toString());
            return Optional.empty();
        }
        return Optional.of(new SemanticIndex(vectors, query -> embeddedQueries.containsKey(query)
                ? Optional.of(embeddedQueries.get(query)) : embedQuery(embeddings, query)));
    }

    private List<float[]> vectorsOf(EmbeddingEndpoint embeddings, String documentId, List<Chunk> chunks) {
        Optional<List<float[]>> kept = stored.load(documentId, embeddings.model(), chunks.size());
        if (kept.isPresent()) {
            return kept.get();
        }
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += BATCH) {
            List<TextSegment> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH)).stream()
                    .map(c -> TextSegment.from(c.sectionTitle() == null ? c.text() : c.sectionTitle() + "\n" + c.text()))
                    .toList();
            List<Embedding> answer = call(embeddings, batch);
            if (answer.size() != batch.size()) {
                throw new IllegalStateException("asked for " + batch.size() + " vectors, got " + answer.size());
            }
            answer.forEach(e -> vectors.add(e.vector()));
        }
        stored.store(documentId, embeddings.model(), vectors);
        Log.infof("Document %s: %d chunks embedded with %s", documentId, vectors.size(), embeddings.model());
        return vectors;
    }

    private static Optional<float[]> embedQuery(EmbeddingEndpoint embeddings, String query) {
        try {
            return Optional.of(call(embeddings, List.of(TextSegment.from(query))).get(0).vector());
        } catch (RuntimeException e) {
            Log.warnf("Embedding a slide's query with %s failed, ranking it by words alone: %s", embeddings.model(),
                    e.toString());
            return Optional.empty();
        }
    }

    private static List<Embedding> call(EmbeddingEndpoint embeddings, List<TextSegment> segments) {
        try {
            return embeddings.guard().call(() -> embeddings.embedding().embedAll(segments).content(), VECTORS);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(ModelFailures.describe(e), e);
        }
    }
}
