package io.slideo.worker.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.document.Section;
import io.slideo.worker.config.DefaultConfig;

class KnowledgeGraphBuilderTest {
    private final KnowledgeGraphBuilder builder = new KnowledgeGraphBuilder(DefaultConfig.worker());

    // Four sections on unrelated subjects; each repeats its own vocabulary, as real sections do.
    private static final String[][] SECTIONS = {
            { "Telescopes and galaxies",
                    "Large telescopes collect faint light from distant galaxies.",
                    "Astronomers point telescopes at spiral galaxies to measure their rotation.",
                    "The rotation of spiral galaxies reveals dark matter around the galactic disk.",
                    "Dark matter halos surround most galaxies, including the Milky Way.",
                    "Radio telescopes map hydrogen gas in distant galaxies.",
                    "The Milky Way rotation curve stays flat far from the galactic center.",
                    "Astronomers combine radio telescopes into large arrays for sharper images of galaxies." },
            { "Baking sourdough bread",
                    "Sourdough bread rises with a wild yeast starter instead of commercial yeast.",
                    "Bakers feed the sourdough starter with flour and water every day.",
                    "A lively starter doubles in size a few hours after feeding with rye flour.",
                    "The bread dough ferments slowly overnight in a cool kitchen.",
                    "Long fermentation gives sourdough bread its sour flavour and open crumb.",
                    "Bakers score the dough before baking the bread in a hot oven.",
                    "A hot oven with steam gives the sourdough loaf a crisp crust." },
            { "Football tactics",
                    "Modern football coaches favour a high pressing game.",
                    "A high press forces the opposing defenders into quick passes.",
                    "Wingers and strikers lead the pressing game from the front line.",
                    "The midfield shape decides how the team defends against counter attacks.",
                    "Counter attacks punish a football team that presses without midfield cover.",
                    "Coaches drill the defenders to keep a compact defensive line.",
                    "A compact defensive line leaves strikers little space behind the defence." },
            { "Relational databases",
                    "Relational databases store rows in tables with a fixed schema.",
                    "A database index speeds up queries on large tables.",
                    "The query planner chooses an index scan or a sequential scan for each query.",
                    "Transactions keep database rows consistent when many clients write at once.",
                    "Write-ahead logging lets the database recover committed transactions after a crash.",
                    "Database replicas replay the write-ahead log to serve read queries.",
                    "Schema migrations change tables without losing rows." } };

    @Test
    void aTopicIsNamedByItsFullerPhraseAndASecondPhraseThatSharesNoWordWithIt() {
        assertEquals("United States, medical care",
                KnowledgeGraphBuilder.label(List.of("States", "United States", "United", "medical care", "problem")));
        assertEquals("Trace trees, loop nesting", KnowledgeGraphBuilder.label(List.of("trace trees", "loop nesting")));
        assertEquals("Compiler", KnowledgeGraphBuilder.label(List.of("compiler")));
    }

    @Test
    void topicsLineUpWithClearlyDifferentSections() {
        KnowledgeGraph graph = builder.build(document(SECTIONS));

        // Each phrase's true section is where it occurs; agreement is the normalised mutual
        // information between the phrase's topic and that section, over phrases in a topic.
        Map<String, Integer> sectionOfPhrase = new HashMap<>();
        for (int s = 0; s < SECTIONS.length; s++) {
            for (int i = 1; i < SECTIONS[s].length; i++) {
                for (PhraseExtractor.Candidate c : new PhraseExtractor("en").phrases(SECTIONS[s][i])) {
                    sectionOfPhrase.putIfAbsent(c.surface().toLowerCase(), s);
                }
            }
        }
        List<int[]> labelled = new ArrayList<>();
        for (KnowledgeGraph.Phrase phrase : graph.phrases()) {
            Integer section = sectionOfPhrase.get(phrase.text().toLowerCase());
            if (phrase.topic() >= 0 && section != null) {
                labelled.add(new int[] { phrase.topic(), section });
            }
        }
        double agreement = normalisedMutualInformation(labelled);
        System.out.printf("topic/section agreement (NMI) = %.3f over %d phrases, %d topics%n", agreement,
                labelled.size(), graph.topics().size());
        // 0 means topics are independent of sections, 1 a perfect match. 0.7 still allows Leiden to
        // split one of the four sections into two topics (about 0.85), but not to mix sections.
        assertTrue(agreement >= 0.7, "agreement " + agreement);
        assertTrue(labelled.size() >= 20, "enough phrases were placed in topics: " + labelled.size());
        assertTrue(graph.topics().size() >= 4, "at least one topic per subject: " + graph.topics().size());
    }

    @Test
    void theGraphRanksPhrasesAndSentencesAndLabelsTopics() {
        KnowledgeGraph graph = builder.build(document(SECTIONS));

        assertFalse(graph.edges().isEmpty());
        assertTrue(graph.phrases().get(0).score() >= graph.phrases().get(graph.phrases().size() - 1).score());
        assertTrue(graph.topics().stream().allMatch(t -> !t.label().isBlank() && !t.sections().isEmpty()));
        assertFalse(graph.sentences().isEmpty());
        assertEquals(1, graph.sentences().get(0).page());
    }

    @Test
    void anEmptyDocumentHasAnEmptyGraph() {
        KnowledgeGraph graph = builder.build(new ExtractedDocument("d", "t", "en", "text/plain", 1, 0, Map.of(), List.of()));
        assertTrue(graph.phrases().isEmpty());
        assertTrue(graph.topics().isEmpty());
    }

    private static ExtractedDocument document(String[][] sections) {
        List<Section> result = new ArrayList<>();
        for (String[] section : sections) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i < section.length; i++) {
                blocks.add(Block.paragraph(section[i], 1));
            }
            result.add(new Section(section[0], 1, 1, 1, blocks));
        }
        return new ExtractedDocument("doc", "Four subjects", "en", "text/plain", 1, 4000, Map.of(), result);
    }

    static double normalisedMutualInformation(List<int[]> pairs) {
        int n = pairs.size();
        Map<Integer, Integer> a = new HashMap<>();
        Map<Integer, Integer> b = new HashMap<>();
        Map<Long, Integer> joint = new HashMap<>();
        for (int[] p : pairs) {
            a.merge(p[0], 1, Integer::sum);
            b.merge(p[1], 1, Integer::sum);
            joint.merge(((long) p[0] << 32) | p[1], 1, Integer::sum);
        }
        double mutual = 0;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            int x = (int) (e.getKey() >>> 32);
            int y = (int) (long) e.getKey();
            double pxy = e.getValue() / (double) n;
            mutual += pxy * Math.log(pxy / ((a.get(x) / (double) n) * (b.get(y) / (double) n)));
        }
        double entropyA = entropy(a, n);
        double entropyB = entropy(b, n);
        return entropyA + entropyB == 0 ? 1 : 2 * mutual / (entropyA + entropyB);
    }

    private static double entropy(Map<Integer, Integer> counts, int n) {
        return -counts.values().stream().mapToDouble(c -> c / (double) n).map(p -> p * Math.log(p)).sum();
    }
}
