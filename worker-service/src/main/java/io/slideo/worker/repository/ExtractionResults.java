package io.slideo.worker.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;
import io.slideo.model.document.Chunk;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.event.EventCodec;
import io.slideo.runtime.blob.BlobStore;

/**
 * What extraction produced, as JSON in the blob store: the structured document
 * ({@code documents/<id>/extraction.json}), its knowledge graph ({@code graph.json}) and its
 * retrieval chunks ({@code chunks.json}), and its figures' pictures ({@code figures/figure-N.png}). Blocking.
 */
@ApplicationScoped
public class ExtractionResults {
    private final ObjectMapper mapper = EventCodec.newMapper();
    private final BlobStore blobs;

    ExtractionResults(BlobStore blobs) {
        this.blobs = blobs;
    }

    public static String keyOf(String documentId) {
        return "documents/" + documentId + "/extraction.json";
    }

    /** Stores the result (replacing an earlier one) and returns its key. */
    public String store(ExtractedDocument document) {
        return write(keyOf(document.documentId()), document);
    }

    /** Stores a figure's picture under its blob key, where the slide exports read it. */
    public void storeFigure(Figure figure, byte[] bytes) {
        try {
            blobs.put(BlobStore.checkKey(figure.blobKey()), new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + figure.blobKey(), e);
        }
    }

    public String storeGraph(KnowledgeGraph graph) {
        return write("documents/" + graph.documentId() + "/graph.json", graph);
    }

    public String storeChunks(String documentId, List<Chunk> chunks) {
        return write("documents/" + documentId + "/chunks.json", chunks);
    }

    private String write(String key, Object value) {
        try {
            blobs.put(key, new ByteArrayInputStream(mapper.writeValueAsBytes(value)));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + key, e);
        }
    }

    /** The stored knowledge graph; empty if there is none (or it is unreadable). */
    public Optional<KnowledgeGraph> loadGraph(String documentId) {
        String key;
        try {
            key = BlobStore.checkKey("documents/" + documentId + "/graph.json");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(key)) {
            return Optional.of(mapper.readValue(in, KnowledgeGraph.class));
        } catch (IOException e) {
            Log.warnf("Knowledge graph %s is unreadable: %s", key, e.getMessage());
            return Optional.empty();
        }
    }

    /** The stored retrieval chunks; empty if there are none (older results, or a failed graph step). */
    public Optional<List<Chunk>> loadChunks(String documentId) {
        String key;
        try {
            key = BlobStore.checkKey("documents/" + documentId + "/chunks.json");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(key)) {
            return Optional.of(List.of(mapper.readValue(in, Chunk[].class)));
        } catch (IOException e) {
            Log.warnf("Chunks %s are unreadable: %s", key, e.getMessage());
            return Optional.empty();
        }
    }

    /** The stored result; empty if the document was never extracted, its id is not one, or the JSON is unreadable. */
    public Optional<ExtractedDocument> load(String documentId) {
        String key;
        try {
            key = BlobStore.checkKey(keyOf(documentId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(key)) {
            return Optional.of(mapper.readValue(in, ExtractedDocument.class));
        } catch (IOException e) {
            Log.warnf("Extraction result %s is unreadable: %s", key, e.getMessage());
            return Optional.empty();
        }
    }
}
