package io.slideo.worker.retrieval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.Chunk;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.worker.text.Chunker;

/**
 * Without any embedding API, a slide is still written from the chunk that means what it is about in
 * other words: the model inside the worker finds the section on cars for "Automobile safety", where
 * the words alone find nothing beyond the page the plan cited.
 */
class LocalRetrievalTest {
    private static final LocalEmbeddings LOCAL = new LocalEmbeddings();
    private static final int CARS_PAGE = 4;

    @Test
    void theLocalModelFindsTheSectionThatMeansWhatTheSlideIsAbout() {
        ExtractedDocument document = document();
        List<Chunk> chunks = new Chunker(1200).chunks(document);
        List<String> texts = chunks.stream().map(c -> c.sectionTitle() + "\n" + c.text()).toList();
        SemanticIndex index = new SemanticIndex(Map.of(document.documentId(), LOCAL.embed(texts)),
                query -> Optional.of(LOCAL.embed(List.of(query)).get(0)));

        Set<Integer> byMeaning = pages(new Retriever(List.of(document), Map.of(document.documentId(), chunks), Map.of(),
                1200, index));
        Set<Integer> byWords = pages(new Retriever(List.of(document), Map.of(document.documentId(), chunks), Map.of(),
                1200));

        assertTrue(byMeaning.contains(CARS_PAGE), "found by meaning: " + byMeaning);
        assertTrue(byMeaning.contains(1), "the cited page stays: " + byMeaning);
        assertFalse(byWords.contains(CARS_PAGE), "not by words: " + byWords);
    }

    private static Set<Integer> pages(Retriever retriever) {
        // None of these words occurs in the document; the plan cites page 1, which is about roads.
        return retriever.forSlide("Automobile safety", List.of("Automobile protection"),
                List.of(new SourceRef("getting-around", 1)), 4000).stream().map(Excerpt::pageStart)
                .collect(Collectors.toSet());
    }

    private static ExtractedDocument document() {
        String[][] sections = {
                { "Roads", "Roads connect towns and cities across the country, built from asphalt and gravel." },
                { "Weather", "Rain and snow change how people travel during the winter months." },
                { "Trains", "Trains carry freight and passengers along steel rails between stations." },
                { "Cars", "Cars with airbags and crumple zones keep drivers alive in crashes; each vehicle is tested." },
                { "Bridges", "Bridges span rivers and valleys, and engineers inspect their cables every year." } };
        List<Section> built = new ArrayList<>();
        for (int s = 0; s < sections.length; s++) {
            built.add(new Section(sections[s][0], 1, s + 1, s + 1, List.of(Block.paragraph(sections[s][1], s + 1))));
        }
        return new ExtractedDocument("getting-around", "Getting around", "en", "application/pdf", sections.length, 600,
                Map.of(), built);
    }
}
