package io.slideo.worker.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.slideo.design.Fonts;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.theme.Theme;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.extraction.DocumentExtractor;
import io.slideo.worker.graph.KnowledgeGraphBuilder;
import io.slideo.worker.planning.OutlineDrafter;
import io.slideo.worker.quality.QualityGate;

/**
 * Real corpus documents through the offline planner, writer and quality gate, as the deck-quality
 * report measures them: no bullet is said twice in a deck (the takeaways condense, they do not
 * repeat), and a document with too little to say gets fewer slides than asked for, with a note.
 */
class OfflineDeckCorpusTest {
    private static final WorkerConfig CONFIG = DefaultConfig.worker();
    private static final Theme THEME = new Theme("slideo-light", "Slideo Light", "", "#ffffff", "#1f2933", "#102a43",
            "#2f6fde", Fonts.SANS, Fonts.SANS);

    @ParameterizedTest
    @CsvSource({ "article-heading-levels.docx, true", "sample-lists-table-footnotes.rtf, true",
        "paper-tracemonkey.pdf, false", "guidance-parental-involvement.doc, false" })
    void aTenSlideDeckNeverSaysABulletTwice(String file, boolean shortDocument) throws Exception {
        ExtractedDocument document = new DocumentExtractor(new DocumentExtractor.Limits(Duration.ofSeconds(120),
                5_000_000, 256L << 20, 20_000, CONFIG.extraction().supportedTypes(), false), new AutoDetectParser())
                .extract("doc", RepositoryPaths.corpusFile(file), file);
        OutlineDrafter.Outline outline = new OutlineDrafter(CONFIG.outline().keyPointsPerSlide(),
                CONFIG.outline().maxBulletWords()).draft("A briefing on this document", 10, List.of(document),
                        Map.of(document.documentId(), new KnowledgeGraphBuilder(CONFIG).build(document)));
        SlideWriter writer = new SlideWriter(CONFIG.outline().maxBulletWords(), CONFIG.outline().maxBullets(),
                List.of(document));
        QualityGate gate = new QualityGate(CONFIG.outline().maxBulletWords(), CONFIG.writing().maxFill());

        Map<String, Integer> said = new HashMap<>();
        for (PlannedSlide slide : outline.slides()) {
            Set<String> others = new HashSet<>();
            outline.slides().stream().filter(p -> p.index() != slide.index())
                    .forEach(p -> others.add(p.title().toLowerCase(Locale.ROOT)));
            SlideDraft draft = gate.check(writer.draft(slide, outline.title(), List.of("doc"), Instructions.parse(null)),
                    THEME, others).draft();
            for (Bullet bullet : Stream.concat(draft.bullets().stream(), draft.secondColumn().stream()).toList()) {
                String text = bullet.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
                Integer earlier = said.putIfAbsent(text, slide.index());
                assertTrue(earlier == null, "slide " + slide.index() + " repeats slide " + earlier + ": " + bullet.text());
                assertFalse(bullet.text().matches("^[Ff]{2,}\\p{Lu}.*"), "stray keystrokes: " + bullet.text());
            }
        }
        if (shortDocument) {
            assertTrue(outline.slides().size() < 10, outline.slides().size() + " slides");
            assertTrue(outline.note().contains(outline.slides().size() + " of the 10 slides"), outline.note());
        } else {
            // A short document may have nothing left to take away that its slides did not say.
            assertEquals(SlideLayout.CLOSING, outline.slides().get(outline.slides().size() - 1).layout());
            assertEquals(10, outline.slides().size());
            assertEquals("", outline.note());
        }
    }
}
