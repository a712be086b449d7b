package io.slideo.worker.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.worker.research.Research;

/**
 * Research results as the worker needs them again (the writer cites a plan's sources in the notes of
 * its deck, whose id is the plan's): JSON in the blob store under {@code research/<id>.json}. The
 * durable, user-facing copy lives in content-service (from research.completed). Blocking.
 */
@ApplicationScoped
public class ResearchResults {
    private final ObjectMapper mapper = EventCodec.newMapper();
    private final BlobStore blobs;

    ResearchResults(BlobStore blobs) {
        this.blobs = blobs;
    }

    public void store(String id, Research research) {
        try {
            blobs.put(BlobStore.checkKey("research/" + id + ".json"), new ByteArrayInputStream(mapper.writeValueAsBytes(research)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store research " + id, e);
        }
    }

    public Optional<Research> load(String id) {
        String key;
        try {
            key = BlobStore.checkKey("research/" + id + ".json");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(key)) {
            return Optional.of(mapper.readValue(in, Research.class));
        } catch (IOException e) {
            Log.warnf("Research %s is unreadable: %s", key, e.getMessage());
            return Optional.empty();
        }
    }
}
