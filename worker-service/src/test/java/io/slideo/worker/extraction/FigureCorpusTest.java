package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

import io.slideo.testing.RepositoryPaths;

/** Over the whole corpus: how many documents yield figures, how many pictures are kept and left out, and why. */
class FigureCorpusTest {

    @Test
    void countsFiguresKeptAndSkippedOverTheCorpus() throws IOException {
        Path corpus = RepositoryPaths.corpusFile("MANIFEST.tsv").getParent();
        List<Path> files;
        try (Stream<Path> listed = Files.list(corpus)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        int documents = 0;
        int withFigures = 0;
        int kept = 0;
        int described = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        for (Path file : files) {
            String mediaType;
            try (TikaInputStream in = TikaInputStream.get(file)) {
                mediaType = TikaConfig.getDefaultConfig().getDetector().detect(in, new Metadata()).getBaseType().toString();
            }
            if (!DocumentFigures.readable(mediaType)) {
                continue;
            }
            documents++;
            FigureSelection.Chosen chosen;
            try {
                chosen = DocumentFigures.find(file, mediaType, 40, 30L << 20);
            } catch (IOException | RuntimeException e) {
                System.out.printf("%s\tunreadable: %s%n", file.getFileName(), e);
                continue;
            }
            withFigures += chosen.kept().isEmpty() ? 0 : 1;
            kept += chosen.kept().size();
            described += (int) chosen.kept().stream().filter(f -> f.caption() != null || f.altText() != null).count();
            chosen.skipped().forEach((reason, count) -> skipped.merge(reason, count, Integer::sum));
            System.out.printf("%s\tkept %d\tskipped %s%n", file.getFileName(), chosen.kept().size(), chosen.skipped());
            for (FigureCandidate figure : chosen.kept()) {
                System.out.printf("\tp.%d %dx%d %s %d B caption=%s alt=%s%n", figure.page(), figure.width(),
                        figure.height(), figure.mediaType(), figure.bytes().length, figure.caption(), figure.altText());
            }
        }
        System.out.printf("FIGURES documents read %d, with figures %d, figures kept %d (%d with a caption or alt text,"
                + " the ones a slide may show), skipped %s%n", documents, withFigures, kept, described, skipped);
        assertTrue(withFigures > 0 && kept > 0, "the corpus has papers and decks with figures");
    }
}
