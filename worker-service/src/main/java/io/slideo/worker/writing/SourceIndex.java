package io.slideo.worker.writing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.Block;
import io.slideo.model.deck.SourceRef;
import io.slideo.worker.text.Passage;

/** The passages of the documents a deck draws on, to find where a key point came from. */
final class SourceIndex {
    private static final double MIN_OVERLAP = 0.6;
    // "Heading: point" or "Heading – point", as the planner labels a point of a joined part.
    private static final Pattern LABELLED = Pattern.compile(": | \u2013 ");

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ExtractedDocument> documents = new HashMap<>();

    private record Entry(Passage passage, Set<String> words) {
    }

    SourceIndex(Collection<ExtractedDocument> documents) {
        for (ExtractedDocument document : documents) {
            this.documents.put(document.documentId(), document);
            for (Passage passage : Passage.of(document)) {
                entries.add(new Entry(passage, Passage.words(passage.text())));
            }
        }
    }

    /**
     * The passage that says most of what {@code text} says, among the given documents (all if empty). A point
     * a planner labelled with its section's heading ("Tune your App Tier: Tune JVM, MySQL") is also looked up
     * without the label, which another passage may hold (an agenda naming that section), and the better match
     * wins.
     */
    Optional<Passage> find(String text, Set<String> documentIds) {
        Match whole = best(text, documentIds);
        Matcher labelled = LABELLED.matcher(text);
        // A point of one word ("Free") would be found wherever the word stands: the label stays with it.
        Match unlabelled = labelled.find() && Passage.words(text.substring(labelled.end())).size() >= 2
                ? best(text.substring(labelled.end()), documentIds) : Match.NONE;
        return Optional.ofNullable(unlabelled.score() > whole.score() ? unlabelled.passage() : whole.passage());
    }

    private record Match(Passage passage, double score) {
        static final Match NONE = new Match(null, 0);
    }

    private Match best(String text, Set<String> documentIds) {
        Set<String> wanted = Passage.words(text);
        if (wanted.isEmpty()) {
            return Match.NONE;
        }
        Passage best = null;
        double bestScore = MIN_OVERLAP;
        for (Entry entry : entries) {
            if (!documentIds.isEmpty() && !documentIds.contains(entry.passage().documentId())) {
                continue;
            }
            long shared = wanted.stream().filter(entry.words()::contains).count();
            double score = (double) shared / wanted.size();
            if (score > bestScore || best == null && score >= bestScore) {
                best = entry.passage();
                bestScore = score;
            }
        }
        return best == null ? Match.NONE : new Match(best, bestScore);
    }

    /** The passages of one section of a document, in order. */
    List<Passage> section(String documentId, int section) {
        return entries.stream().map(Entry::passage)
                .filter(p -> p.documentId().equals(documentId) && p.section() == section)
                .toList();
    }

    /**
     * The table (two rows or more) a source points at: the one at its heading and paragraph in a
     * document without pages, else the first on its page; sources in order.
     */
    /** A table of a document with where it stands. */
    record Table(List<List<String>> rows, SourceRef source) {
    }

    Optional<Table> table(List<SourceRef> sources) {
        for (SourceRef source : sources) {
            ExtractedDocument document = documents.get(source.documentId());
            if (document == null || source.page() == null && source.location() == null) {
                continue;
            }
            for (int s = 0; s < document.sections().size(); s++) {
                List<Block> blocks = document.sections().get(s).blocks();
                for (int b = 0; b < blocks.size(); b++) {
                    Block block = blocks.get(b);
                    if (block.kind() == BlockKind.TABLE && block.rows().size() >= 2
                            && Passage.sourceOf(document, s, b).equals(source)) {
                        return Optional.of(new Table(block.rows(), source));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The passages on one page of a document, in order. */
    List<Passage> page(String documentId, int page) {
        return entries.stream().map(Entry::passage)
                .filter(p -> p.documentId().equals(documentId) && p.page() == page)
                .toList();
    }
}
