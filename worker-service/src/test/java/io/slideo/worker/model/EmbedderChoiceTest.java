package io.slideo.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.retrieval.Embedders;
import io.slideo.worker.retrieval.LocalEmbeddings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * One embedder, chosen by configuration: the model inside the worker when no embedding API is
 * configured (even with a chat model), none when it is turned off. The API, when configured, is built
 * by Quarkus's client: SemanticRetrievalTest shows it is the one used then.
 */
class EmbedderChoiceTest {
    private static final LocalEmbeddings LOCAL = new LocalEmbeddings();

    @Test
    void withoutAnyModelTheWorkerEmbedsWithTheModelInsideIt() {
        Optional<Embedder> chosen = chosen(Map.of());

        assertTrue(chosen.isPresent());
        assertEquals(LocalEmbeddings.MODEL, chosen.get().model());
        assertEquals(384, chosen.get().embed(java.util.List.of("A deck from a document.")).get(0).length);
    }

    @Test
    void aChatModelWithoutAnEmbeddingModelStillEmbedsInsideTheWorker() {
        assertEquals(Optional.of(LocalEmbeddings.MODEL),
                chosen(Map.of("slideo.worker.model.name", "some-chat-model")).map(Embedder::model));
    }

    @Test
    void turnedOffTheWorkerRanksByWordsAlone() {
        assertEquals(Optional.empty(), chosen(Map.of("slideo.worker.model.local-embeddings", "false")));
    }

    private static Optional<Embedder> chosen(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(WorkerConfig.class)
                .build();
        WorkerConfig worker = config.getConfigMapping(WorkerConfig.class);
        return new Embedders(new ModelEndpoints(worker), LOCAL, worker).chosen();
    }
}
