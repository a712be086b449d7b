package io.slideo.worker.retrieval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.quarkus.logging.Log;
import io.slideo.worker.model.Embedder;

/**
 * Sentence embeddings without any key or server: all-MiniLM-L6-v2 (384 dimensions, trained on English)
 * run by ONNX Runtime inside the worker, from the model file shipped in its Maven jar. The model is
 * loaded once per process, on first use (about 90 MB of weights, so a worker that never embeds never
 * pays for it), and is safe to call from many threads. Texts it has embedded are remembered (a bounded
 * number, least recently used first out), so a document planned again is not embedded again.
 */
@ApplicationScoped
public class LocalEmbeddings implements Embedder {
    public static final String MODEL = "all-minilm-l6-v2";
    // 384 floats each: about 12 MB of vectors at most.
    private static final int REMEMBERED = 8192;

    private final Map<String, float[]> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The model, loaded by the first caller that needs it (the JVM's class initialisation is the lock). */
    private static final class Loaded {
        // One embedding per core at a time; daemon threads, so they never keep a worker from stopping.
        private static final ExecutorService THREADS = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), daemon());
        static final AllMiniLmL6V2EmbeddingModel MODEL = load();

        private static AllMiniLmL6V2EmbeddingModel load() {
            // The tokenizer's native library is unpacked under DJL_CACHE_DIR (default ~/.djl.ai); in a
            // container with a read-only root file system only /tmp is writable.
            if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/djl");
            }
            long started = System.nanoTime();
            AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel(THREADS);
            Log.infof("Local embedding model %s loaded in %d ms", LocalEmbeddings.MODEL,
                    (System.nanoTime() - started) / 1_000_000);
            return model;
        }

        private static java.util.concurrent.ThreadFactory daemon() {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, "local-embedder-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        Map<String, float[]> found = new HashMap<>();
        synchronized (remembered) {
            texts.forEach(t -> {
                float[] vector = remembered.get(t);
                if (vector != null) {
                    found.put(t, vector);
                }
            });
        }
        List<String> missing = texts.stream().filter(t -> !found.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<Embedding> computed = Loaded.MODEL.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < missing.size(); i++) {
                found.put(missing.get(i), computed.get(i).vector());
            }
            synchronized (remembered) {
                missing.forEach(t -> remembered.put(t, found.get(t)));
            }
        }
        return texts.stream().map(found::get).toList();
    }
}
