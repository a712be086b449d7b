package io.slideo.worker.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.document.Section;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.Sentences;

/**
 * What the planning model sees of the documents: every section as {@code [S<n>] title (pages): its
 * most central sentence}, and the knowledge graph's topics with the sections they live in. When that
 * does not fit the prompt's budget, the sentences go first, then sections are sampled evenly from the
 * first to the last (never only the beginning), so the plan can cover the whole of a long document.
 */
public final class DocumentMap {
    private static final int LEAD_WORDS = 25;

    private final String text;
    private final List<Ref> sections;

    /** A section as the map numbers it ({@code id}), with its document and first page. */
    public record Ref(int id, String documentId, int section, String title, int pageStart, int pageEnd) {
    }

    private DocumentMap(String text, List<Ref> sections) {
        this.text = text;
        this.sections = sections;
    }

    public String text() {
        return text;
    }

    public List<Ref> sections() {
        return sections;
    }

    public Ref section(int id) {
        return id >= 1 && id <= sections.size() ? sections.get(id - 1) : null;
    }

    public static DocumentMap of(List<ExtractedDocument> documents, Map<String, KnowledgeGraph> graphs,
            int budgetCharacters) {
        List<Ref> refs = new ArrayList<>();
        Map<Ref, String> leads = new HashMap<>();
        for (ExtractedDocument document : documents) {
            KnowledgeGraph graph = graphs.get(document.documentId());
            Map<Integer, Integer> firstPage = new HashMap<>();
            io.slideo.worker.text.Passage.of(document).forEach(p -> firstPage.putIfAbsent(p.section(), p.page()));
            for (int s = 0; s < document.sections().size(); s++) {
                Section section = document.sections().get(s);
                String lead = lead(section, s, graph);
                if (lead.isEmpty() && section.blocks().isEmpty()) {
                    continue;
                }
                String title = section.title() == null || section.title().isBlank() ? "Section " + (s + 1)
                        : section.title().strip();
                // A section is cited where its text starts: a heading at the foot of a page has its text on the next.
                int textStart = Math.max(section.pageStart(), firstPage.getOrDefault(s, section.pageStart()));
                Ref ref = new Ref(refs.size() + 1, document.documentId(), s, title, textStart,
                        Math.max(textStart, section.pageEnd()));
                refs.add(ref);
                leads.put(ref, lead);
            }
        }
        // The most detailed form that fits: with lead sentences, without, then every k-th section.
        for (int step = 1; step <= Math.max(1, refs.size()); step = step == 1 ? 2 : step + Math.max(1, step / 2)) {
            for (boolean withLeads : new boolean[] { true, false }) {
                if (step > 1 && withLeads) {
                    continue;
                }
                String rendered = render(documents, graphs, refs, leads, step, withLeads);
                if (rendered.length() <= budgetCharacters) {
                    return new DocumentMap(rendered, refs);
                }
            }
        }
        return new DocumentMap(render(documents, graphs, refs, leads, Math.max(1, refs.size()), false), refs);
    }

    private static String render(List<ExtractedDocument> documents, Map<String, KnowledgeGraph> graphs, List<Ref> refs,
            Map<Ref, String> leads, int step, boolean withLeads) {
        StringBuilder out = new StringBuilder();
        for (ExtractedDocument document : documents) {
            List<Ref> own = refs.stream().filter(r -> r.documentId().equals(document.documentId())).toList();
            out.append("Document \u201c").append(document.title() == null ? "untitled" : document.title())
                    .append("\u201d, ").append(document.pages()).append(" pages, ").append(own.size())
                    .append(" sections").append(step > 1 ? " (every " + step + "th shown, first to last)" : "")
                    .append(":\n");
            for (int i = 0; i < own.size(); i++) {
                if (i % step != 0 && i != own.size() - 1) {
                    continue;
                }
                Ref ref = own.get(i);
                out.append("[S").append(ref.id()).append("] ").append(ref.title()).append(" (")
                        .append(ref.pageStart() == ref.pageEnd() ? "p. " + ref.pageStart()
                                : "pp. " + ref.pageStart() + "-" + ref.pageEnd())
                        .append(")");
                String lead = leads.get(ref);
                if (withLeads && !lead.isEmpty()) {
                    out.append(": ").append(lead);
                }
                out.append('\n');
            }
            KnowledgeGraph graph = graphs.get(document.documentId());
            if (graph != null && !graph.topics().isEmpty()) {
                out.append("Topics of this document: ");
                out.append(graph.topics().stream().map(t -> t.label() + " (" + t.sections().stream()
                        .map(s -> refOf(own, s)).filter(id -> id > 0).limit(4).map(id -> "S" + id)
                        .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining("; ")));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int refOf(List<Ref> own, int section) {
        return own.stream().filter(r -> r.section() == section).mapToInt(Ref::id).findFirst().orElse(-1);
    }

    /** The section's most central sentence (TextRank) or else its first meaningful one, shortened. */
    private static String lead(Section section, int index, KnowledgeGraph graph) {
        if (graph != null) {
            for (KnowledgeGraph.RankedSentence sentence : graph.sentences()) {
                String lead = sentence.section() == index ? BulletText.shorten(sentence.text(), LEAD_WORDS) : "";
                if (!lead.isEmpty()) {
                    return lead; // the most central sentence that is short enough whole
                }
            }
        }
        for (Block block : section.blocks()) {
            for (String sentence : Sentences.split(block.text() == null ? "" : block.text())) {
                String lead = Sentences.isMeaningful(sentence) ? BulletText.shorten(sentence, LEAD_WORDS) : "";
                if (!lead.isEmpty()) {
                    return lead;
                }
            }
        }
        return "";
    }
}
