package io.slideo.worker.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.TextCleanup;

/**
 * How close in meaning the sentences of corpus documents are to each other: for each band of cosine
 * similarity, how many pairs of bullet-sized sentences fall in it and a few of them, to choose the
 * threshold above which two points say the same thing. Prints; asserts nothing.
 */
public final class NearDuplicateStudy {
    private NearDuplicateStudy() {
    }

    public static void main(String[] args) {
        int perDocument = Integer.parseInt(System.getProperty("sentences", "300"));
        LocalEmbeddings embeddings = new LocalEmbeddings();
        TreeMap<Integer, List<String>> bands = new TreeMap<>();
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String file : args) {
            ExtractedDocument document = CorpusDocuments.extract(file);
            List<String> sentences = Passage.of(document).stream().map(Passage::text)
                    .filter(t -> TextCleanup.wordCount(t) >= 5 && TextCleanup.wordCount(t) <= 30).distinct()
                    .limit(perDocument).toList();
            List<float[]> vectors = embeddings.embed(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                for (int j = i + 1; j < sentences.size(); j++) {
                    double cosine = SemanticIndex.cosine(vectors.get(i), vectors.get(j));
                    if (cosine < 0.7) {
                        continue;
                    }
                    int band = (int) Math.floor(cosine * 40); // bands of 0.025
                    counts.merge(band, 1, Integer::sum);
                    List<String> examples = bands.computeIfAbsent(band, b -> new ArrayList<>());
                    if (examples.size() < Integer.parseInt(System.getProperty("examples", "4"))) {
                        examples.add(file + "\n      A: " + sentences.get(i) + "\n      B: " + sentences.get(j));
                    }
                }
            }
        }
        counts.descendingMap().forEach((band, count) -> {
            System.out.printf(Locale.ROOT, "cosine %.3f-%.3f\tpairs %d%n", band / 40.0, (band + 1) / 40.0, count);
            bands.get(band).forEach(e -> System.out.println("    " + e));
        });
    }
}
