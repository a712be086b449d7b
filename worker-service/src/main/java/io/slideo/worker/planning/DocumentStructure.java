package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.worker.text.Passage;

/**
 * The parts of a document a deck follows, in reading order: its top-level sections, each with its
 * subsections as groups. A lone heading above all others (the document's own title) is not a part;
 * text before the first heading is front matter; contents lists, indexes, references and
 * acknowledgements are never presented.
 */
final class DocumentStructure {
    private static final Pattern NOT_PRESENTED = Pattern.compile("(?iu)^\\W*(\\d+(\\.\\d+)*\\.?\\s+)?("
            + "references|bibliography|works cited|literature cited|sources|notes|endnotes|footnotes|citations|"
            + "acknowledge?ments?|(table of )?contents|index|glossary|about the authors?|copyright|"
            + "(today['’]s |our )?agenda|outline|tagesordnung|ordre du jour|"
            + "literaturverzeichnis|inhaltsverzeichnis|quellen|danksagung|impressum|"
            + "r[ée]f[ée]rences|bibliographie|table des mati[èe]res|sommaire|remerciements|"
            + "referencias|bibliograf[ií]a|[íi]ndice|список литературы|литература|содержание|"
            + "参考文献|目次|目录|المراجع|المحتويات)\\W*$");

    /** A slide deck's placeholder for a slide without a title ("Slide 8", "Folie 3", "スライド 1"): no heading. */
    private static final Pattern SLIDE_NUMBER = Pattern.compile(
            "(?iu)^\\s*(slide|folie|diapositive|diapositiva|dia|слайд|スライド|幻灯片|슬라이드)\\s*\\d+\\s*$");

    private DocumentStructure() {
    }

    /** The document's parts; one untitled part when it has no headings. */
    static List<Topic> parts(ExtractedDocument document) {
        List<Section> sections = document.sections();
        Map<Integer, List<Passage>> bySection = new HashMap<>();
        for (Passage passage : Passage.of(document)) {
            bySection.computeIfAbsent(passage.section(), s -> new ArrayList<>()).add(passage);
        }
        int top = topLevel(sections);
        List<Topic> parts = new ArrayList<>();
        String heading = null;
        boolean front = true;
        List<List<Passage>> groups = new ArrayList<>();
        List<Integer> covered = new ArrayList<>();
        int skipBelow = Integer.MAX_VALUE; // inside a section that is not presented, down to its end
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            int level = section.level();
            if (level > 0 && level <= skipBelow) {
                skipBelow = Integer.MAX_VALUE;
            }
            if (level > 0 && notPresented(section.title())) {
                skipBelow = level;
                if (level <= top) {
                    add(parts, document, heading, front, groups, covered);
                    heading = null;
                    front = false;
                    groups = new ArrayList<>();
                    covered = new ArrayList<>();
                }
                continue;
            }
            if (skipBelow != Integer.MAX_VALUE) {
                continue;
            }
            if (level > 0 && level <= top) {
                add(parts, document, heading, front, groups, covered);
                // A heading above the dividing level is the document's title: its text opens the document.
                heading = level < top ? null : heading(section.title());
                front = level < top;
                groups = new ArrayList<>();
                covered = new ArrayList<>();
            }
            groups.add(bySection.getOrDefault(i, List.of()));
            covered.add(i);
        }
        add(parts, document, heading, front, groups, covered);
        return parts;
    }

    /**
     * What a slide joining parts is about when the document says it: the heading of a divider among its
     * sections (or just before them), a section at their level with nothing to show but its heading, as a
     * talk opens a run of slides with "Monitoring Your Server". A picture's slide is no divider.
     */
    static Optional<String> divider(ExtractedDocument document, Topic topic) {
        if (document == null || topic.sections().isEmpty()) {
            return Optional.empty();
        }
        int first = topic.sections().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = topic.sections().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int level = document.sections().get(first).level();
        for (int i = Math.max(0, first - 1); i <= last; i++) {
            Section section = document.sections().get(i);
            int at = i;
            if (section.level() == level && level > 0 && heading(section.title()) != null
                    && !section.title().isBlank() && !notPresented(section.title())
                    && section.blocks().stream().allMatch(b -> b.kind() == BlockKind.NOTE)
                    && document.figures().stream().noneMatch(f -> f.section() == at)
                    && !section.title().trim().equalsIgnoreCase(String.valueOf(document.title()).trim())
                    && namesTheRun(section.title(), topic, document.language())) {
                return Optional.of(section.title().trim());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a heading names what a run of parts shares: two of their headings or more say one of its
     * words ("Monitoring Your Server" over "Purposes of Monitoring" and "Monitoring: Ganglia"), where a
     * screenshot's "Top" or a closing "Q&A" names none of them.
     */
    private static boolean namesTheRun(String heading, Topic topic, String language) {
        java.util.Set<String> words = new java.util.HashSet<>(Passage.words(heading));
        words.removeAll(io.slideo.worker.graph.StopWords.of(language));
        long sharing = topic.partHeadings().stream().distinct()
                .filter(h -> Passage.words(h).stream().anyMatch(words::contains)).count();
        return sharing >= 2;
    }

    /** The heading as a slide may use it: none for a placeholder. */
    static String heading(String title) {
        return title == null || SLIDE_NUMBER.matcher(title).matches() ? null : title;
    }

    /** Whether a heading names what decks leave out: contents, references, index and the like. */
    static boolean notPresented(String title) {
        return title != null && NOT_PRESENTED.matcher(title.trim()).matches();
    }

    /**
     * The level whose headings divide the document: the highest level with two headings or more, so
     * that a single title heading over everything does not make the whole document one part.
     */
    static int topLevel(List<Section> sections) {
        Map<Integer, Integer> counts = new HashMap<>();
        sections.stream().filter(s -> s.level() > 0 && !notPresented(s.title()))
                .forEach(s -> counts.merge(s.level(), 1, Integer::sum));
        return counts.keySet().stream().sorted().filter(l -> counts.get(l) >= 2).findFirst()
                .orElse(counts.keySet().stream().min(Integer::compare).orElse(0));
    }

    private static void add(List<Topic> parts, ExtractedDocument document, String heading, boolean front,
            List<List<Passage>> groups, List<Integer> covered) {
        // A heading that repeats the document's title opens it: what follows is front matter.
        boolean repeatsTitle = heading != null && document.title() != null
                && heading.trim().equalsIgnoreCase(document.title().trim());
        Topic topic = new Topic(document.documentId(), repeatsTitle ? "" : heading, front || repeatsTitle, groups,
                covered);
        boolean hasTable = covered.stream().flatMap(i -> document.sections().get(i).blocks().stream())
                .anyMatch(b -> b.kind() == BlockKind.TABLE);
        // A sheet of figures named like the workbook ("Sheet1") is still a table to show.
        if (!topic.groups().isEmpty() || hasTable) {
            parts.add(topic);
        }
    }
}
