package io.slideo.worker.retrieval;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.model.Embedder;
import io.slideo.worker.planning.OutlineDrafter;
import io.slideo.worker.text.Chunker;
import io.slideo.worker.text.Passage;

/**
 * What the in-process embedding model costs on a long document (the 352-page book unless a corpus
 * file is named): the model's load time and the heap and resident memory it adds, the offline
 * planner's time for a 12-slide deck without and with it, then the time to embed every sentence (or
 * the first {@code sentences-limit}), and a tenth as many retrieval chunks, of the document. Prints tab-separated numbers; asserts nothing, since a
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
        long rssBefore = residentBytes();
        long started = System.nanoTime();
        LocalEmbeddings embeddings = new LocalEmbeddings();
        embeddings.embed(List.of("The model loads on first use."));
        System.out.printf("load_ms\t%d\theap_added_mb\t%.1f\tresident_added_mb\t%.1f%n",
                (System.nanoTime() - started) / 1_000_000, (usedHeap() - heapBefore) / 1e6,
                (residentBytes() - rssBefore) / 1e6);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            List<String> byWords = points(plan(document, Optional.empty(), "words_only"));
            List<String> byMeaning = points(plan(document, Optional.of(new LocalEmbeddings()), "local_model"));
            System.out.printf("points_only_by_words\t%s%npoints_only_by_meaning\t%s%n",
                    byWords.stream().filter(p -> !byMeaning.contains(p)).toList(),
                    byMeaning.stream().filter(p -> !byWords.contains(p)).toList());
        }

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

    /** The offline planner's time on the document, and how many sentences it had embedded. */
    private static List<String> points(OutlineDrafter.Outline outline) {
        return outline.slides().stream().flatMap(s -> s.keyPoints().stream()).toList();
    }

    private static OutlineDrafter.Outline plan(ExtractedDocument document, Optional<Embedder> embedder, String label) {
        AtomicInteger embedded = new AtomicInteger();
        Optional<Embedder> counted = embedder.map(e -> new Embedder() {
            @Override
            public String model() {
                return e.model();
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                embedded.addAndGet(texts.size());
                return e.embed(texts);
            }
        });
        long started = System.nanoTime();
        OutlineDrafter.Outline outline = new OutlineDrafter(4, DefaultConfig.worker().outline().maxBulletWords(), counted)
                .draft("", Integer.getInteger("slides", 12), List.of(document));
        System.out.printf("plan_%s_ms\t%d\tslides\t%d\tsentences_embedded\t%d%n", label,
                (System.nanoTime() - started) / 1_000_000, outline.slides().size(), embedded.get());
        return outline;
    }

    /** The process's resident memory (the model's weights live outside the heap, in ONNX Runtime). */
    private static long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
