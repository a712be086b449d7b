package io.slideo.worker.retrieval;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.text.Chunker;
import io.slideo.worker.text.Passage;

/**
 * What the in-process embedding model costs on a long document (the 352-page book unless a corpus
 * file is named): the model's load time and the heap it adds, then the time to embed every sentence,
 * and every retrieval chunk, of the document. Prints tab-separated numbers; asserts nothing, since a
 * shared machine's timings vary. Run with the test classpath:
 * {@code java -cp ... io.slideo.worker.retrieval.BookEmbeddingBenchmark [file] [sentences-limit]}.
 */
public final class BookEmbeddingBenchmark {
    private BookEmbeddingBenchmark() {
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : "book-free-culture-lessig.pdf";
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        ExtractedDocument document = CorpusDocuments.extract(file);
        List<String> sentences = new ArrayList<>();
        Passage.of(document).forEach(p -> sentences.add(p.text()));
        List<String> chunks = new Chunker(DefaultConfig.worker().chunkCharacters()).chunks(document).stream()
                .map(c -> c.sectionTitle() == null ? c.text() : c.sectionTitle() + "\n" + c.text()).toList();
        System.out.printf("document\t%s\tpages\t%d\tsentences\t%d\tchunks\t%d\tcores\t%d%n", file, document.pages(),
                sentences.size(), chunks.size(), Runtime.getRuntime().availableProcessors());

        long heapBefore = usedHeap();
        long started = System.nanoTime();
        LocalEmbeddings embeddings = new LocalEmbeddings();
        embeddings.embed(List.of("The model loads on first use."));
        System.out.printf("load_ms\t%d\theap_added_mb\t%.1f%n", (System.nanoTime() - started) / 1_000_000,
                (usedHeap() - heapBefore) / 1e6);

        List<String> measured = sentences.subList(0, Math.min(limit, sentences.size()));
        started = System.nanoTime();
        embeddings.embed(measured);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("sentences\t%d\tseconds\t%.2f\tper_sentence_ms\t%.2f\twhole_document_seconds\t%.1f%n",
                measured.size(), seconds, seconds * 1000 / measured.size(), seconds / measured.size() * sentences.size());
        List<String> measuredChunks = chunks.subList(0, Math.min(Math.max(1, limit / 10), chunks.size()));
        started = System.nanoTime();
        embeddings.embed(measuredChunks);
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("chunks\t%d\tseconds\t%.2f\tper_chunk_ms\t%.2f\twhole_document_seconds\t%.1f%n",
                measuredChunks.size(), seconds, seconds * 1000 / measuredChunks.size(),
                seconds / measuredChunks.size() * chunks.size());
        System.out.printf("heap_with_vectors_mb\t%.1f%n", (usedHeap() - heapBefore) / 1e6);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
