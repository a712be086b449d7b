package io.slideo.worker.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.text.Passage;

/**
 * The model inside the worker runs on the langchain4j-core the worker already has (its jar is built
 * on a newer one), tells a restated sentence of a corpus document from a different one, and gives
 * every thread the same vectors.
 */
class LocalEmbeddingsTest {
    private static final LocalEmbeddings LOCAL = new LocalEmbeddings();

    @Test
    void aRestatementIsCloserThanAnotherSentenceOfTheSameDocument() {
        ExtractedDocument book = CorpusDocuments.extract("book-free-culture-lessig.pdf");
        String free = sentence(book, "A free culture is not a culture without property, just as a free market");
        String restated = sentence(book, "A free culture, like a free market, is filled with property");
        String other = sentence(book, "RCA\u2019s president, David Sarnoff");

        List<float[]> vectors = LOCAL.embed(List.of(free, restated, other));

        double same = SentenceVectors.similarity(vectors.get(0), vectors.get(1));
        double different = SentenceVectors.similarity(vectors.get(0), vectors.get(2));
        assertTrue(same > 0.8 && different < 0.5, "restated " + same + ", different " + different);
    }

    @Test
    void concurrentCallersGetTheSameVectors() throws Exception {
        List<String> texts = List.of("Copyright protects creative work.", "Radio changed how music spread.",
                "Piracy is taking without permission.");
        float[] alone = LOCAL.embed(List.of("Radio changed how music spread.")).get(0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> answers = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> LOCAL.embed(texts))).toList();
            for (Future<List<float[]>> answer : answers) {
                assertEquals(3, answer.get().size());
                assertArrayEquals(alone, answer.get().get(1), 1e-5f);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String sentence(ExtractedDocument document, String start) {
        return Passage.of(document).stream().map(Passage::text).filter(t -> t.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence starts with " + start));
    }
}
