package io.slideo.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.slideo.design.Fonts;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.theme.Theme;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.extraction.Parsers;
import io.slideo.worker.graph.KnowledgeGraphBuilder;
import io.slideo.worker.planning.OutlineDrafter;
import io.slideo.worker.quality.QualityGate;
import io.slideo.worker.writing.Instructions;
import io.slideo.worker.writing.SlideDraft;
import io.slideo.worker.writing.SlideWriter;

/**
 * The offline decks of the documents given as arguments, as a person reads them: for each, the
 * worker's own extraction, planner, writer and quality gate (no suite, no model), written as
 * Markdown to the folder named by {@code -Dout} (default target/offline-decks). For looking at what
 * the planner makes while changing it; the deck-quality report measures the same through the suite.
 */
public final class OfflineDeckDump {
    private OfflineDeckDump() {
    }

    public static void main(String[] args) throws Exception {
        WorkerConfig config = DefaultConfig.worker();
        int slides = Integer.parseInt(System.getProperty("slides", "10"));
        Path out = Path.of(System.getProperty("out", "target/offline-decks"));
        Files.createDirectories(out);
        Theme theme = new Theme("slideo-light", "Slideo Light", "", "#ffffff", "#1f2933", "#102a43", "#2f6fde",
                Fonts.SANS, Fonts.SANS);
        DocumentExtractor.Limits limits = new DocumentExtractor.Limits(Duration.ofMinutes(5), 50_000_000, 1L << 30,
                20_000, config.extraction().supportedTypes(), false);
        try (DocumentExtractor extractor = new DocumentExtractor(limits, Parsers.standard())) {
            for (String file : args) {
                Path path = Path.of(file);
                try {
                    ExtractedDocument document = extractor.extract("doc", path, path.getFileName().toString());
                    Files.writeString(out.resolve(path.getFileName() + ".md"),
                            deck(document, slides, config, theme));
                } catch (Exception e) {
                    Files.writeString(out.resolve(path.getFileName() + ".md"), "FAILED: " + e + "\n");
                }
            }
        }
    }

    private static String deck(ExtractedDocument document, int count, WorkerConfig config, Theme theme)
            throws IOException {
        long started = System.nanoTime();
        OutlineDrafter.Outline outline = new OutlineDrafter(config.outline().keyPointsPerSlide(),
                config.outline().maxBulletWords()).draft("A briefing for a busy reader", count, List.of(document),
                        Map.of(document.documentId(), new KnowledgeGraphBuilder(config).build(document)));
        SlideWriter writer = new SlideWriter(config.outline().maxBulletWords(), config.outline().maxBullets(),
                List.of(document));
        QualityGate gate = new QualityGate(config.outline().maxBulletWords(), config.writing().maxFill());
        StringBuilder md = new StringBuilder("# ").append(outline.title()).append("\n\n")
                .append("language ").append(document.language()).append(", ").append(document.sections().size())
                .append(" sections; ").append(outline.note()).append('\n');
        for (PlannedSlide slide : outline.slides()) {
            Set<String> others = new HashSet<>();
            outline.slides().stream().filter(p -> p.index() != slide.index())
                    .forEach(p -> others.add(p.title().toLowerCase(Locale.ROOT)));
            SlideDraft draft = gate.check(writer.draft(slide, outline.title(), List.of("doc"), Instructions.parse(null)),
                    theme, others).draft();
            md.append("\n<!-- plan: ").append(slide.keyPoints()).append(" -->");
            md.append("\n## ").append(slide.index()).append(". ").append(draft.title()).append("  _")
                    .append(draft.layout()).append("_\n");
            List<Bullet> bullets = new ArrayList<>(draft.bullets());
            bullets.addAll(draft.secondColumn());
            for (Bullet bullet : bullets) {
                md.append("- ").append(bullet.text()).append("  `").append(bullet.source() == null ? "NO SOURCE"
                        : bullet.source().citation()).append("`\n");
            }
            draft.table().forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        }
        md.append("\n(").append((System.nanoTime() - started) / 1_000_000).append(" ms to plan and write)\n");
        return md.toString();
    }
}
