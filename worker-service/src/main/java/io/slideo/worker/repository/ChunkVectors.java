package io.slideo.worker.repository;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.runtime.blob.BlobStore;

/**
 * The embedding vectors of a document's retrieval chunks, per embedding model, in the blob store
 * ({@code documents/<id>/vectors/model-<model>.bin}: count, dimension, then the floats), so a document is
 * embedded once per model however many decks are written from it. Blocking.
 */
@ApplicationScoped
public class ChunkVectors {
    private final BlobStore blobs;

    ChunkVectors(BlobStore blobs) {
        this.blobs = blobs;
    }

    public void store(String documentId, String model, List<float[]> vectors) {
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * vectors.size() * dimension);
        buffer.putInt(vectors.size()).putInt(dimension);
        vectors.forEach(v -> {
            for (float f : v) {
                buffer.putFloat(f);
            }
        });
        try {
            blobs.put(key(documentId, model), new ByteArrayInputStream(buffer.array()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the vectors of document " + documentId, e);
        }
    }

    /** The stored vectors if there are exactly {@code count} (the chunks they belong to); else empty. */
    public Optional<List<float[]>> load(String documentId, String model, int count) {
        String key = key(documentId, model);
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (InputStream raw = blobs.open(key); DataInputStream in = new DataInputStream(raw)) {
            int stored = in.readInt();
            int dimension = in.readInt();
            if (stored != count) {
                return Optional.empty();
            }
            List<float[]> vectors = new ArrayList<>(stored);
            for (int i = 0; i < stored; i++) {
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                vectors.add(vector);
            }
            return Optional.of(vectors);
        } catch (IOException e) {
            Log.warnf("Vectors %s are unreadable, embedding again: %s", key, e.getMessage());
            return Optional.empty();
        }
    }

    private static String key(String documentId, String model) {
        String name = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return BlobStore.checkKey("documents/" + documentId.toLowerCase(Locale.ROOT) + "/vectors/model-" + name + ".bin");
    }
}
