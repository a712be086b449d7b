package io.slideo.worker.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Chunk;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.worker.graph.StopWords;
import io.slideo.worker.text.Chunker;
import io.slideo.worker.text.Passage;

/**
 * Finds what a slide should be written from: the section-aware chunks of the deck's documents,
 * ranked by BM25 against the slide's title and key points, widened by the knowledge graph's topics
 * those words belong to (their phrases, and the sections the topics live in), and favouring the pages
 * the plan cited. With a {@link SemanticIndex} (an embedding model is configured), that ranking is
 * fused with the chunks' closeness in meaning to the slide (reciprocal rank fusion), so a chunk that
 * says the same thing in other words is found too. The best chunk on a page the plan cited comes
 * first. The best chunks that fit the prompt's budget are returned whole, best first: the model never
 * sees a blindly cut text, and a long document is searched from end to end.
 */
public final class Retriever {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double EXPANSION_WEIGHT = 0.4;
    private static final double CITED_PAGE_BOOST = 1.5;
    private static final double TOPIC_SECTION_BOOST = 0.5;
    private static final int MAX_EXCERPTS = 8;
    /** Reciprocal rank fusion's constant: ranks past the first few count for little in either list. */
    private static final int FUSION_K = 60;
    /** How many of the closest chunks by meaning take part in the fusion. */
    private static final int SEMANTIC_CANDIDATES = 50;

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, ExtractedDocument> documents = new LinkedHashMap<>();
    private final Map<String, KnowledgeGraph> graphs;
    private final Map<String, List<Passage>> passages = new java.util.concurrent.ConcurrentHashMap<>();
    private final double averageLength;
    private final SemanticIndex semantic;

    /** {@code vector} is the chunk's embedding, null without a semantic index. */
    private record Entry(String documentId, Chunk chunk, Map<String, Integer> terms, int length, float[] vector) {
    }

    /** {@code chunks} as stored at extraction; a document without stored chunks is chunked here. */
    public Retriever(List<ExtractedDocument> documents, Map<String, List<Chunk>> chunks,
            Map<String, KnowledgeGraph> graphs, int chunkCharacters) {
        this(documents, chunks, graphs, chunkCharacters, null);
    }

    /** As above, ranking by meaning too where {@code semantic} holds vectors for a document's chunks. */
    public Retriever(List<ExtractedDocument> documents, Map<String, List<Chunk>> chunks,
            Map<String, KnowledgeGraph> graphs, int chunkCharacters, SemanticIndex semantic) {
        this.graphs = graphs;
        this.semantic = semantic;
        long total = 0;
        for (ExtractedDocument document : documents) {
            this.documents.put(document.documentId(), document);
            List<Chunk> ofDocument = chunks.get(document.documentId());
            if (ofDocument == null || ofDocument.isEmpty()) {
                ofDocument = new Chunker(chunkCharacters).chunks(document);
            }
            Set<String> stop = StopWords.of(document.language());
            List<float[]> vectors = semantic == null ? null : semantic.vectors().get(document.documentId());
            boolean aligned = vectors != null && vectors.size() == ofDocument.size();
            for (int i = 0; i < ofDocument.size(); i++) {
                Chunk chunk = ofDocument.get(i);
                Map<String, Integer> terms = terms(chunk.sectionTitle() + " " + chunk.text(), stop);
                int length = terms.values().stream().mapToInt(Integer::intValue).sum();
                entries.add(new Entry(document.documentId(), chunk, terms, length, aligned ? vectors.get(i) : null));
                terms.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
                total += length;
            }
        }
        this.averageLength = entries.isEmpty() ? 1 : Math.max(1, (double) total / entries.size());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The chunks for a slide, whole, best first until {@code budgetCharacters} is used. */
    public List<Excerpt> forSlide(String title, List<String> keyPoints, List<SourceRef> cited, int budgetCharacters) {
        String query = queryOf(title, keyPoints);
        Map<String, Double> weights = new HashMap<>();
        Set<String> stop = StopWords.of(documents.values().stream().findFirst().map(ExtractedDocument::language)
                .orElse("en"));
        terms(query, stop).keySet().forEach(t -> weights.put(t, 1.0));
        Map<String, Set<Integer>> topicSections = new HashMap<>();
        for (Map.Entry<String, KnowledgeGraph> graph : graphs.entrySet()) {
            for (KnowledgeGraph.GraphTopic topic : graph.getValue().topics()) {
                Set<String> topicWords = new HashSet<>();
                topic.phrases().forEach(p -> topicWords.addAll(terms(p, stop).keySet()));
                topicWords.addAll(terms(topic.label() == null ? "" : topic.label(), stop).keySet());
                long shared = topicWords.stream().filter(weights::containsKey).count();
                if (shared >= 2 || shared >= 1 && topicWords.size() <= 3) {
                    topicWords.forEach(w -> weights.putIfAbsent(w, EXPANSION_WEIGHT));
                    topicSections.computeIfAbsent(graph.getKey(), k -> new HashSet<>()).addAll(topic.sections());
                }
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (Entry entry : entries) {
            double score = bm25(entry, weights);
            if (score <= 0) {
                continue;
            }
            if (citedPage(entry, cited)) {
                score = score * CITED_PAGE_BOOST + 1.0;
            }
            if (topicSections.getOrDefault(entry.documentId(), Set.of()).contains(entry.chunk().section())) {
                score += TOPIC_SECTION_BOOST;
            }
            scored.add(new Scored(entry, score));
        }
        if (scored.isEmpty()) {
            entries.stream().filter(e -> citedPage(e, cited)).forEach(e -> scored.add(new Scored(e, 0.1)));
        }
        scored.sort(bestFirst);
        List<Scored> ranked = new ArrayList<>(semantic == null ? scored
                : semantic.query().embed(query).map(vector -> fuse(scored, vector, cited)).orElse(scored));
        pinCited(ranked, cited);
        List<Entry> chosen = new ArrayList<>();
        int used = 0;
        for (Scored candidate : ranked) {
            int size = candidate.entry().chunk().text().length() + 60;
            if (chosen.size() >= MAX_EXCERPTS) {
                break;
            }
            if (used + size <= budgetCharacters) {
                chosen.add(candidate.entry());
                used += size;
            }
        }
        // Best first, as ranked: a model leans on the first passages it reads, and the first is the one the
        // plan cited.
        List<Excerpt> excerpts = new ArrayList<>();
        for (Entry entry : chosen) {
            Chunk chunk = entry.chunk();
            excerpts.add(new Excerpt(excerpts.size() + 1, entry.documentId(), chunk.section(), chunk.pageStart(),
                    chunk.pageEnd(), where(entry), chunk.text()));
        }
        return excerpts;
    }

    /** The page of an excerpt that says most of what {@code text} says (an excerpt may span pages). */
    public int page(Excerpt excerpt, String text) {
        if (excerpt.pageStart() == excerpt.pageEnd()) {
            return excerpt.pageStart();
        }
        ExtractedDocument document = documents.get(excerpt.documentId());
        if (document == null) {
            return excerpt.pageStart();
        }
        Set<String> wanted = Passage.words(text);
        int best = excerpt.pageStart();
        double bestScore = 0;
        for (Passage passage : passages.computeIfAbsent(excerpt.documentId(), id -> Passage.of(document))) {
            if (passage.section() != excerpt.section() || passage.page() < excerpt.pageStart()
                    || passage.page() > excerpt.pageEnd()) {
                continue;
            }
            Set<String> words = Passage.words(passage.text());
            double score = wanted.isEmpty() ? 0 : (double) wanted.stream().filter(words::contains).count() / wanted.size();
            if (score > bestScore) {
                bestScore = score;
                best = passage.page();
            }
        }
        return best;
    }

    /** What a slide is searched by: its title and key points. */
    public static String queryOf(String title, List<String> keyPoints) {
        return title + " " + String.join(" ", keyPoints);
    }

    private record Scored(Entry entry, double score) {
    }

    /** Higher scores first; equal scores in the documents' order, so the same slide always gets the same chunks. */
    private final Comparator<Scored> bestFirst = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparingInt(scored -> order(scored.entry().documentId()))
            .thenComparingInt(scored -> scored.entry().chunk().index());

    /**
     * Reciprocal rank fusion of three rankings: by words, by meaning, and the plan's own citations (the
     * chunks on the pages the plan cited for this slide, best by words first), so that what the plan
     * chose the slide for is not crowded out by chunks that merely rank well in both other lists.
     */
    private List<Scored> fuse(List<Scored> lexical, float[] query, List<SourceRef> cited) {
        Map<Entry, Double> fused = new java.util.IdentityHashMap<>();
        for (int rank = 0; rank < lexical.size(); rank++) {
            fused.merge(lexical.get(rank).entry(), 1.0 / (FUSION_K + rank + 1), Double::sum);
        }
        List<Entry> citedFirst = lexical.stream().map(Scored::entry).filter(e -> citedPage(e, cited)).toList();
        for (int rank = 0; rank < citedFirst.size(); rank++) {
            fused.merge(citedFirst.get(rank), 1.0 / (FUSION_K + rank + 1), Double::sum);
        }
        List<Entry> closest = entries.stream().filter(e -> e.vector() != null)
                .map(e -> new Scored(e, SemanticIndex.cosine(e.vector(), query)))
                .filter(s -> s.score() > 0) // nothing in common is no candidate, however few chunks there are
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(SEMANTIC_CANDIDATES).map(Scored::entry).toList();
        for (int rank = 0; rank < closest.size(); rank++) {
            fused.merge(closest.get(rank), 1.0 / (FUSION_K + rank + 1), Double::sum);
        }
        List<Scored> ranked = new ArrayList<>();
        fused.forEach((entry, score) -> ranked.add(new Scored(entry, score)));
        ranked.sort(bestFirst);
        return ranked;
    }

    /**
     * The best-ranked chunk on a page the plan cited goes first: a slide always draws on what the plan
     * chose it for, however well other chunks rank by words and meaning.
     */
    private static void pinCited(List<Scored> ranked, List<SourceRef> cited) {
        for (int i = 0; i < ranked.size(); i++) {
            if (citedPage(ranked.get(i).entry(), cited)) {
                ranked.add(0, ranked.remove(i));
                return;
            }
        }
    }

    private double bm25(Entry entry, Map<String, Double> weights) {
        double score = 0;
        int n = entries.size();
        for (Map.Entry<String, Double> term : weights.entrySet()) {
            Integer tf = entry.terms().get(term.getKey());
            if (tf == null) {
                continue;
            }
            int df = documentFrequency.getOrDefault(term.getKey(), 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            score += term.getValue() * idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * entry.length() / averageLength));
        }
        return score;
    }

    private static boolean citedPage(Entry entry, List<SourceRef> cited) {
        for (SourceRef source : cited) {
            if (source != null && entry.documentId().equals(source.documentId()) && source.page() != null
                    && source.page() >= entry.chunk().pageStart() && source.page() <= entry.chunk().pageEnd()) {
                return true;
            }
        }
        return false;
    }

    private int order(String documentId) {
        return new ArrayList<>(documents.keySet()).indexOf(documentId);
    }

    private String where(Entry entry) {
        ExtractedDocument document = documents.get(entry.documentId());
        Chunk chunk = entry.chunk();
        String pages = chunk.pageStart() == chunk.pageEnd() ? "p. " + chunk.pageStart()
                : "pp. " + chunk.pageStart() + "-" + chunk.pageEnd();
        String section = chunk.sectionTitle() == null || chunk.sectionTitle().isBlank() ? ""
                : ", " + chunk.sectionTitle();
        return "\u201c" + (document == null || document.title() == null ? "document" : document.title()) + "\u201d"
                + section + ", " + pages;
    }

    static Map<String, Integer> terms(String text, Set<String> stop) {
        Map<String, Integer> terms = new HashMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !stop.contains(word)) {
                terms.merge(word, 1, Integer::sum);
            }
        }
        return terms;
    }
}
