package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.document.Section;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.graph.KnowledgeGraphBuilder;

class GraphTopicsTest {
    private static final String[] TEXT = {
            "Large telescopes collect faint light from distant galaxies.",
            "Astronomers point telescopes at spiral galaxies to measure their rotation.",
            "Radio telescopes map hydrogen gas in distant galaxies.",
            "Sourdough bread rises with a wild yeast starter instead of commercial yeast.",
            "Bakers feed the sourdough starter with flour and water every day.",
            "Long fermentation gives sourdough bread its sour flavour and open crumb.",
            "Relational databases store rows in tables with a fixed schema.",
            "A database index speeds up queries on large tables.",
            "Transactions keep database rows consistent when many clients write at once." };

    @Test
    void aDocumentWithoutSectionsIsCutAlongItsTopicsNotHalfwayThroughItsText() {
        List<Block> blocks = new ArrayList<>();
        for (String sentence : TEXT) {
            blocks.add(Block.paragraph(sentence, 1));
        }
        ExtractedDocument document = new ExtractedDocument("doc", "Three subjects", "en", "text/plain", 1, 900, Map.of(),
                List.of(new Section("Three subjects", 0, 1, 1, blocks)));
        KnowledgeGraph graph = new KnowledgeGraphBuilder(DefaultConfig.worker()).build(document);

        List<PlannedSlide> slides = new OutlineDrafter(4, 14).draft(null, 4, List.of(document), Map.of("doc", graph))
                .slides();

        List<PlannedSlide> content = slides.stream().filter(s -> s.layout() == SlideLayout.BULLETS).toList();
        assertEquals(2, content.size(), slides.toString());
        assertTrue(content.stream().noneMatch(s -> s.title().contains("(continued)")), content.toString());
        assertFalse(content.get(0).title().equals(content.get(1).title()));
        // Each topic slide speaks of one subject.
        String first = String.join(" ", content.get(0).keyPoints()).toLowerCase();
        assertTrue(first.contains("telescope") || first.contains("galax") || first.contains("sourdough")
                || first.contains("database"), first);
    }
}
