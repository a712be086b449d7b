package io.slideo.worker.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.extraction.Parsers;

/**
 * PDF extraction throughput of the worker's extractor (what each long-lived parser process runs), on
 * the PDFs given as arguments: warm-up passes until the JIT has compiled the hot paths (a parser
 * process lives for many documents), then the measured passes. Prints one line per file and a
 * total as tab-separated {@code file pages seconds pages_per_second}. Run by bench/run.sh.
 */
public final class ExtractionBenchmark {
    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(System.getProperty("rounds", "3"));
        DocumentExtractor.Limits limits = new DocumentExtractor.Limits(Duration.ofMinutes(10), 50_000_000, 1L << 30,
                20_000, Set.of("application/pdf"), false);
        try (DocumentExtractor extractor = new DocumentExtractor(limits, Parsers.standard())) {
            for (int w = 0; w < Integer.parseInt(System.getProperty("warmups", "3")); w++) {
                for (String file : args) {
                    extractor.extract("warm-up", Path.of(file), file);
                }
            }
            long totalPages = 0;
            long totalNanos = 0;
            for (String file : args) {
                long pages = 0;
                long started = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    ExtractedDocument document = extractor.extract("bench", Path.of(file), file);
                    pages += document.pages();
                }
                long nanos = System.nanoTime() - started;
                totalPages += pages;
                totalNanos += nanos;
                System.out.printf("%s\t%d\t%.3f\t%.1f%n", Path.of(file).getFileName(), pages / rounds,
                        nanos / 1e9 / rounds, pages / (nanos / 1e9));
            }
            System.out.printf("TOTAL\t%d\t%.3f\t%.1f%n", totalPages / rounds, totalNanos / 1e9 / rounds,
                    totalPages / (totalNanos / 1e9));
        }
    }
}
