package io.slideo.worker.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.document.Chunk;
import io.slideo.worker.model.Embedder;
import io.slideo.worker.repository.ChunkVectors;

/**
 * Builds the {@link SemanticIndex} of a deck's documents with the worker's {@link Embedders chosen
 * embedder} (the configured embedding API, else the model inside the worker): each document's chunks
 * are embedded once per model (in batches) and kept in the blob store. Embedding is an improvement,
 * never a requirement: if it fails, the deck is written with the lexical ranking and the reason is
 * logged; a document longer than the embedder takes (the local model on a book) is ranked by words.
 */
@ApplicationScoped
public class SemanticSearch {
    private static final int BATCH = 64;

    private final Embedders embedders;
    private final ChunkVectors stored;

    SemanticSearch(Embedders embedders, ChunkVectors stored) {
        this.embedders = embedders;
        this.stored = stored;
    }

    /**
     * The index of these chunks (by document id), with the slides' {@code queries} embedded in one call;
     * empty without an embedder or when embedding fails.
     */
    public Optional<SemanticIndex> index(Map<String, List<Chunk>> chunks, List<String> queries) {
        Optional<Embedder> chosen = embedders.chosen();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Embedder embedder = chosen.get();
        Map<String, List<float[]>> vectors = new LinkedHashMap<>();
        Map<String, float[]> embeddedQueries = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            for (Map.Entry<String, List<Chunk>> document : chunks.entrySet()) {
                vectorsOf(embedder, document.getKey(), document.getValue())
                        .ifPresent(v -> vectors.put(document.getKey(), v));
            }
            List<String> distinct = queries.stream().distinct().toList();
            for (int from = 0; from < distinct.size(); from += BATCH) {
                List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
                List<float[]> answer = embedder.embed(batch);
                for (int i = 0; i < Math.min(batch.size(), answer.size()); i++) {
                    embeddedQueries.put(batch.get(i), answer.get(i));
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Embedding with %s failed, ranking by words alone: %s", embedder.model(), e.toString());
            return Optional.empty();
        }
        return Optional.of(new SemanticIndex(vectors, query -> embeddedQueries.containsKey(query)
                ? Optional.of(embeddedQueries.get(query)) : embedQuery(embedder, query)));
    }

    /** The chunks' vectors, kept or embedded now; empty for a document longer than the embedder takes. */
    private Optional<List<float[]>> vectorsOf(Embedder embedder, String documentId, List<Chunk> chunks) {
        Optional<List<float[]>> kept = stored.load(documentId, embedder.model(), chunks.size());
        if (kept.isPresent()) {
            return kept;
        }
        if (chunks.size() > embedders.maxChunks(embedder)) {
            Log.infof("Document %s: %d chunks are more than %s embeds here; its chunks are ranked by words",
                    documentId, chunks.size(), embedder.model());
            return Optional.empty();
        }
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += BATCH) {
            List<String> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH)).stream()
                    .map(c -> c.sectionTitle() == null ? c.text() : c.sectionTitle() + "\n" + c.text())
                    .toList();
            List<float[]> answer = embedder.embed(batch);
            if (answer.size() != batch.size()) {
                throw new IllegalStateException("asked for " + batch.size() + " vectors, got " + answer.size());
            }
            vectors.addAll(answer);
        }
        stored.store(documentId, embedder.model(), vectors);
        Log.infof("Document %s: %d chunks embedded with %s", documentId, vectors.size(), embedder.model());
        return Optional.of(vectors);
    }

    private static Optional<float[]> embedQuery(Embedder embedder, String query) {
        try {
            return Optional.of(embedder.embed(List.of(query)).get(0));
        } catch (RuntimeException e) {
            Log.warnf("Embedding a slide's query with %s failed, ranking it by words alone: %s", embedder.model(),
                    e.toString());
            return Optional.empty();
        }
    }
}
