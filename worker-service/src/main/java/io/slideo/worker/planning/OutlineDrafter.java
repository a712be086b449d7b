package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.model.document.Section;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.Sentences;
import io.slideo.worker.text.TextCleanup;

/**
 * Drafts an outline without any model: a title slide, then one slide per top-level section of the
 * documents (in the order given). Small sections are merged (or front matter skipped) and long ones
 * split along their subsections, so the outline has the slide count asked for whenever the
 * documents hold enough to say. Key points are each section's first meaningful sentences, shortened;
 * no sentence is said twice in a deck, so a document with too little to say gets fewer slides than
 * asked for (and the outline's note says so) rather than slides that repeat each other.
 */
public final class OutlineDrafter {
    private static final Pattern NOT_PRESENTED = Pattern.compile(
            "(?i)(references|bibliography|works cited|acknowledge?ments?|(table of )?contents|index|literaturverzeichnis|inhaltsverzeichnis)");
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("\\s\\((continued|\\d+)\\)$");
    private static final Pattern SUFFIXES = Pattern.compile("(\\s\\((continued|\\d+)\\))+$");
    private static final int TITLE_WORDS = 10;
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s.,;:!?\u2026\u2013\u2014-]+$");
    // Where a heading's own name starts after its number or part ("Appendix C: Research Resources").
    private static final Pattern LABEL_PREFIX = Pattern.compile("^.{1,40}?:\\s+(?=\\S)");
    // Fewer sections than this (or than the slots) and a single document is cut along its topics.
    private static final int MIN_SECTIONS = 3;
    // A content slide says at least this many things of its own; a topic with fewer joins a neighbour.
    static final int MIN_POINTS = 3;
    // The takeaways: at most this many, each of at most this many words after its slide's name.
    private static final int TAKEAWAYS = 4;
    private static final int TAKEAWAY_WORDS = 8;
    private static final int LABEL_WORDS = 4;
    // Short enough that fitting the slide never cuts a takeaway back to its label.
    private static final int TAKEAWAY_TOTAL_WORDS = 11;
    // Fewer words than this and a point is a fragment (a name, a source line) rather than a finding.
    private static final int FRAGMENT_WORDS = 5;

    private final int keyPointsPerSlide;
    private final int maxWords;

    public OutlineDrafter(int keyPointsPerSlide, int maxWords) {
        this.keyPointsPerSlide = Math.max(3, Math.min(5, keyPointsPerSlide));
        this.maxWords = maxWords;
    }

    /**
     * The drafted outline. {@code note} is empty, or says why the outline has fewer slides than were
     * asked for (the documents hold too little distinct content), for the user and the logs.
     */
    public record Outline(String title, List<PlannedSlide> slides, String note) {
        public Outline {
            note = note == null ? "" : note;
        }

        public Outline(String title, List<PlannedSlide> slides) {
            this(title, slides, "");
        }
    }

    public Outline draft(String description, int slideCount, List<ExtractedDocument> documents) {
        return draft(description, slideCount, documents, Map.of());
    }

    /**
     * With the documents' knowledge graphs: key points prefer the most central sentences (TextRank),
     * and a document with too few sections for its slides is cut along its topics (Leiden clusters,
     * titled by their labels) rather than halfway through its text.
     */
    public Outline draft(String description, int slideCount, List<ExtractedDocument> documents,
            Map<String, KnowledgeGraph> graphs) {
        String title = deckTitle(description, documents);
        // A deck of five or more slides opens with an agenda; one of four or more ends with takeaways.
        boolean agenda = slideCount >= 5;
        boolean closing = slideCount >= 4;
        int contentSlots = Math.max(0, slideCount - 1 - (agenda ? 1 : 0) - (closing ? 1 : 0));
        PlannedSlide opening = titleSlide(title, documents);
        Set<String> titles = new LinkedHashSet<>();
        titles.add(title.toLowerCase(Locale.ROOT));
        List<PlannedSlide> content = new ArrayList<>();
        if (contentSlots > 0) {
            Map<String, ExtractedDocument> byId = new HashMap<>();
            documents.forEach(d -> byId.put(d.documentId(), d));
            Set<String> central = new java.util.HashSet<>();
            graphs.values().forEach(g -> g.sentences().forEach(r -> central.add(r.text())));
            List<Topic> topics = fit(topics(documents, graphs, contentSlots), contentSlots).stream()
                    .map(t -> centralFirst(t, central)).toList();
            content = contentSlides(topics, opening.keyPoints(), titles, byId);
            content.forEach(s -> titles.add(s.title().toLowerCase(Locale.ROOT)));
        }
        List<PlannedSlide> slides = new ArrayList<>();
        slides.add(opening);
        if (agenda && content.size() >= 2) {
            slides.add(agendaSlide(content, documents));
        }
        slides.addAll(content);
        if (closing && !content.isEmpty()) {
            PlannedSlide takeaways = closingSlide(content, documents, titles);
            if (!takeaways.keyPoints().isEmpty()) {
                slides.add(takeaways);
            }
        }
        String note = slides.size() < slideCount ? "The documents hold enough distinct content for " + slides.size()
                + " of the " + slideCount + " slides asked for, so the outline has " + slides.size()
                + " slides rather than repeating points." : "";
        return new Outline(title, reindexed(slides), note);
    }

    /**
     * One slide per topic, no key point said twice in the deck (nor on the title slide). A topic left
     * with fewer than {@value #MIN_POINTS} points of its own joins its smaller neighbour, or is left
     * out when it has nothing new to say; a table slide shows its table and needs no points.
     */
    private List<PlannedSlide> contentSlides(List<Topic> candidates, List<String> opening, Set<String> deckTitles,
            Map<String, ExtractedDocument> documents) {
        List<Topic> topics = new ArrayList<>(candidates);
        while (true) {
            // The title slide's points and every slide's title (the agenda lists them) are said already.
            Set<String> said = new java.util.HashSet<>();
            opening.forEach(p -> said.add(key(p)));
            topics.forEach(t -> said.add(key(t.title())));
            Set<String> titles = new LinkedHashSet<>(deckTitles);
            List<PlannedSlide> slides = new ArrayList<>();
            int thin = -1;
            int partner = -1;
            for (int i = 0; i < topics.size(); i++) {
                PlannedSlide slide = withLayout(contentSlide(0, topics.get(i), titles, said), topics.get(i), documents);
                slides.add(slide);
                if (thin < 0 && slide.layout() != SlideLayout.TABLE && slide.keyPoints().size() < MIN_POINTS
                        && topics.size() > 1) {
                    int neighbour = smallerNeighbour(topics, i);
                    if (slide.keyPoints().isEmpty() || neighbour >= 0) {
                        thin = i;
                        partner = neighbour;
                    }
                }
            }
            if (thin < 0) {
                return slides;
            }
            if (slides.get(thin).keyPoints().isEmpty()) {
                topics.remove(thin);
            } else {
                int first = Math.min(thin, partner);
                topics.set(first, topics.get(first).mergedWith(topics.remove(first + 1)));
            }
        }
    }

    /** The adjacent topic of the same document with less text, or -1 when neither neighbour is one. */
    private static int smallerNeighbour(List<Topic> topics, int i) {
        int best = -1;
        for (int j : new int[] { i - 1, i + 1 }) {
            if (j >= 0 && j < topics.size() && topics.get(j).documentId().equals(topics.get(i).documentId())
                    && (best < 0 || topics.get(j).size() < topics.get(best).size())) {
                best = j;
            }
        }
        return best;
    }

    /** What a point says, for telling repeats: case, spacing and end punctuation aside. */
    private static String key(String point) {
        return END_PUNCTUATION.matcher(TextCleanup.normalize(point).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static List<PlannedSlide> reindexed(List<PlannedSlide> slides) {
        List<PlannedSlide> numbered = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) {
            PlannedSlide s = slides.get(i);
            numbered.add(new PlannedSlide(i, s.title(), s.layout(), s.keyPoints(), s.sources()));
        }
        return numbered;
    }

    /** What the deck will cover: the titles of its content slides, each traced to its first source. */
    private static PlannedSlide agendaSlide(List<PlannedSlide> content, List<ExtractedDocument> documents) {
        List<String> points = content.stream().map(PlannedSlide::title).toList();
        List<SourceRef> sources = content.stream()
                .map(s -> s.sources().isEmpty() ? new SourceRef(documents.get(0).documentId(), 1) : s.sources().get(0))
                .toList();
        return new PlannedSlide(0, Words.of(language(documents)).agenda(), SlideLayout.AGENDA, points, sources);
    }

    /**
     * The takeaways: for up to four content slides spread over the deck, the slide's name and its lead
     * point condensed ("Evaluation: Traces run ten times faster"), never a bullet said before word for
     * word. A slide whose points are all too short to condense gives no takeaway.
     */
    private PlannedSlide closingSlide(List<PlannedSlide> content, List<ExtractedDocument> documents, Set<String> titles) {
        Set<String> said = new java.util.HashSet<>();
        content.forEach(s -> s.keyPoints().forEach(p -> said.add(key(p))));
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        // Slides spread over the deck first, then the others, one takeaway per heading.
        List<Integer> order = new ArrayList<>(spread(content.size(), TAKEAWAYS));
        java.util.stream.IntStream.range(0, content.size()).filter(i -> !order.contains(i)).forEach(order::add);
        Set<String> labels = new java.util.HashSet<>();
        for (int i : order) {
            PlannedSlide slide = content.get(i);
            String point = points.size() < TAKEAWAYS && labels.add(key(label(slide.title()))) ? takeaway(slide, said) : null;
            if (point != null && said.add(key(point))) {
                points.add(point);
                sources.add(slide.sources().isEmpty() ? new SourceRef(documents.get(0).documentId(), 1)
                        : slide.sources().get(0));
            }
        }
        String title = Words.of(language(documents)).takeaways();
        titles.add(title.toLowerCase(Locale.ROOT));
        return new PlannedSlide(0, title, SlideLayout.CLOSING, points, sources);
    }

    /** {@code count} indexes out of {@code size}, first and last included, evenly apart. */
    static List<Integer> spread(int size, int count) {
        if (size <= count) {
            return java.util.stream.IntStream.range(0, size).boxed().toList();
        }
        Set<Integer> picked = new LinkedHashSet<>();
        for (int k = 0; k < count; k++) {
            picked.add((int) Math.round(k * (size - 1) / (double) (count - 1)));
        }
        return List.copyOf(picked);
    }

    /**
     * The slide's point that condenses best to something not said yet, named by the slide (its heading
     * without number, part or end punctuation) when that name is short. Earlier points are the more
     * central ones; a point that had to be cut mid-clause, or is a mere fragment, counts as later.
     */
    private String takeaway(PlannedSlide slide, Set<String> said) {
        String label = label(slide.title());
        int labelWords = TextCleanup.wordCount(label);
        boolean named = labelWords > 0 && labelWords <= LABEL_WORDS;
        int words = named ? Math.min(TAKEAWAY_WORDS, TAKEAWAY_TOTAL_WORDS - labelWords) : TAKEAWAY_WORDS;
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < slide.keyPoints().size(); i++) {
            String point = slide.keyPoints().get(i);
            String condensed = BulletText.shorten(point, words);
            if (TextCleanup.wordCount(condensed) < 3) {
                continue;
            }
            String candidate = named && !key(condensed).startsWith(key(label)) ? label + ": " + condensed : condensed;
            int rank = i + condensedRank(BulletText.shorten(point, maxWords), condensed)
                    + (TextCleanup.wordCount(condensed) < FRAGMENT_WORDS ? 2 : 0);
            if (!said.contains(key(candidate)) && rank < bestRank) {
                best = candidate;
                bestRank = rank;
            }
        }
        return best;
    }

    /** A slide's heading as a label: without its number, part, "(continued)" or end punctuation. */
    private static String label(String title) {
        return END_PUNCTUATION.matcher(LABEL_PREFIX.matcher(SUFFIXES.matcher(title).replaceAll("")).replaceFirst(""))
                .replaceAll("").trim();
    }

    /** 0 when nothing was cut, 1 when the cut fell at a clause (a comma, colon, dash), 2 mid-clause. */
    private static int condensedRank(String full, String condensed) {
        if (full.equals(condensed)) {
            return 0;
        }
        String rest = full.startsWith(condensed) ? full.substring(condensed.length()) : "";
        return rest.matches("(?s)^\\s*[,;:\u2013\u2014-].*") ? 1 : 2;
    }

    /**
     * The layout a topic's content asks for: a table when its sections hold a small table (the slide
     * shows the table itself), two columns for a long list, bullets otherwise.
     */
    private static PlannedSlide withLayout(PlannedSlide slide, Topic topic, Map<String, ExtractedDocument> documents) {
        ExtractedDocument document = documents.get(topic.documentId());
        if (document == null) {
            return slide;
        }
        Set<Integer> sections = new LinkedHashSet<>();
        topic.passages().forEach(p -> sections.add(p.section()));
        for (int section : sections) {
            for (Block block : document.sections().get(section).blocks()) {
                if (block.kind() == BlockKind.TABLE && block.rows().size() >= 3 && block.rows().size() <= 12
                        && block.rows().stream().allMatch(r -> r.size() >= 2 && r.size() <= 6)) {
                    List<SourceRef> sources = new ArrayList<>();
                    sources.add(new SourceRef(document.documentId(), block.page()));
                    sources.addAll(slide.sources());
                    return new PlannedSlide(slide.index(), slide.title(), SlideLayout.TABLE, slide.keyPoints(), sources);
                }
                if (block.kind() == BlockKind.LIST && block.items().size() >= 6) {
                    return new PlannedSlide(slide.index(), slide.title(), SlideLayout.TWO_COLUMNS, slide.keyPoints(),
                            slide.sources());
                }
            }
        }
        return slide;
    }

    private static String language(List<ExtractedDocument> documents) {
        return documents.isEmpty() ? "en" : documents.get(0).language();
    }

    /** The description's first sentence (what the user asked for), else the first document's title. */
    static String deckTitle(String description, List<ExtractedDocument> documents) {
        if (description != null && !description.isBlank()) {
            List<String> sentences = Sentences.split(description);
            if (!sentences.isEmpty()) {
                String first = BulletText.shorten(sentences.get(0), TITLE_WORDS);
                if (!first.isEmpty()) {
                    return first;
                }
            }
        }
        return documents.stream().map(ExtractedDocument::title).filter(t -> t != null && !t.isBlank()).findFirst()
                .orElse("Presentation");
    }

    private PlannedSlide titleSlide(String title, List<ExtractedDocument> documents) {
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        for (ExtractedDocument document : documents) {
            String name = BulletText.asWritten(document.title() == null ? "" : document.title(), maxWords);
            if (!name.isEmpty() && !name.equalsIgnoreCase(title) && !points.contains(name)) {
                points.add(name);
            }
            sources.add(new SourceRef(document.documentId(), 1));
        }
        return new PlannedSlide(0, title, SlideLayout.TITLE, points, sources);
    }

    /** The topics of the documents; a document with fewer sections than it has slots uses its graph's topics. */
    static List<Topic> topics(List<ExtractedDocument> documents, Map<String, KnowledgeGraph> graphs, int slots) {
        List<Topic> bySections = topics(documents);
        if (documents.size() != 1 || bySections.size() >= Math.min(slots, MIN_SECTIONS)) {
            return bySections;
        }
        KnowledgeGraph graph = graphs.get(documents.get(0).documentId());
        if (graph == null || graph.topics().size() < 2) {
            return bySections;
        }
        List<Topic> byGraph = GraphTopics.of(documents.get(0), graph);
        return byGraph.size() > bySections.size() ? byGraph : bySections;
    }

    /** Each group's passages with the document's most central sentences first, in reading order otherwise. */
    private static Topic centralFirst(Topic topic, Set<String> central) {
        if (central.isEmpty()) {
            return topic;
        }
        List<List<Passage>> groups = new ArrayList<>();
        for (List<Passage> group : topic.groups()) {
            List<Passage> ordered = new ArrayList<>(group.stream().filter(p -> central.contains(p.text())).toList());
            group.stream().filter(p -> !central.contains(p.text())).forEach(ordered::add);
            groups.add(ordered);
        }
        return new Topic(topic.documentId(), topic.title(), topic.frontMatter(), groups);
    }

    /** Top-level sections with their subsections; references and empty sections are left out. */
    static List<Topic> topics(List<ExtractedDocument> documents) {
        List<Topic> topics = new ArrayList<>();
        for (ExtractedDocument document : documents) {
            List<Section> sections = document.sections();
            int top = sections.stream().mapToInt(Section::level).filter(l -> l > 0).min().orElse(0);
            Map<Integer, List<Passage>> bySection = new HashMap<>();
            for (Passage passage : Passage.of(document)) {
                bySection.computeIfAbsent(passage.section(), s -> new ArrayList<>()).add(passage);
            }
            String title = null;
            boolean front = false;
            List<List<Passage>> groups = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                Section section = sections.get(i);
                boolean starts = section.level() == 0 || section.level() <= top;
                if (starts) {
                    addTopic(topics, document.documentId(), title, front, groups);
                    title = section.title();
                    // What comes before the first heading, or repeats the document's title, is front matter.
                    front = sections.size() > 1 && (section.level() == 0 && i == 0
                            || section.title() != null && section.title().equalsIgnoreCase(document.title()));
                    groups = new ArrayList<>();
                }
                if (!NOT_PRESENTED.matcher(section.title() == null ? "" : section.title().trim()).matches()) {
                    groups.add(bySection.getOrDefault(i, List.of()));
                }
            }
            addTopic(topics, document.documentId(), title, front, groups);
        }
        return topics;
    }

    private static void addTopic(List<Topic> topics, String documentId, String title, boolean front,
            List<List<Passage>> groups) {
        Topic topic = new Topic(documentId, title == null ? "" : title, front, groups);
        if (!topic.groups().isEmpty() && !NOT_PRESENTED.matcher(topic.title().trim()).matches()) {
            topics.add(topic);
        }
    }

    /** Merges or skips until the topics fit the slides, or splits until they fill them. */
    static List<Topic> fit(List<Topic> candidates, int slots) {
        List<Topic> topics = new ArrayList<>(candidates);
        while (topics.size() > slots) {
            int front = indexOfFrontMatter(topics);
            if (front >= 0) {
                topics.remove(front);
                continue;
            }
            int pair = smallestAdjacentPair(topics);
            if (pair >= 0) {
                topics.set(pair, topics.get(pair).mergedWith(topics.remove(pair + 1)));
            } else {
                topics.remove(topics.stream().min(Comparator.comparingInt(Topic::size)).orElseThrow());
            }
        }
        while (topics.size() < slots) {
            int largest = -1;
            for (int i = 0; i < topics.size(); i++) {
                // Each half must have enough to say on its own.
                if (distinctPassages(topics.get(i)) >= 2 * MIN_POINTS
                        && (largest < 0 || topics.get(i).size() > topics.get(largest).size())) {
                    largest = i;
                }
            }
            if (largest < 0) {
                break; // nothing left to split: the documents say less than the slides asked for
            }
            List<Topic> halves = split(topics.get(largest));
            topics.set(largest, halves.get(0));
            topics.add(largest + 1, halves.get(1));
        }
        return topics;
    }

    private static int indexOfFrontMatter(List<Topic> topics) {
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).frontMatter()) {
                return i;
            }
        }
        return -1;
    }

    private static int smallestAdjacentPair(List<Topic> topics) {
        int best = -1;
        for (int i = 0; i + 1 < topics.size(); i++) {
            if (!topics.get(i).documentId().equals(topics.get(i + 1).documentId())) {
                continue;
            }
            int size = topics.get(i).size() + topics.get(i + 1).size();
            if (best < 0 || size < topics.get(best).size() + topics.get(best + 1).size()) {
                best = i;
            }
        }
        return best;
    }

    /** How many different sentences of three words or more the topic holds. */
    private static int distinctPassages(Topic topic) {
        return (int) topic.passages().stream().map(p -> key(p.text())).filter(t -> TextCleanup.wordCount(t) >= 3)
                .distinct().count();
    }

    /**
     * Splits at the subsection boundary nearest the middle that leaves each half {@value #MIN_POINTS}
     * passages or more; without one, halfway through the text (and still that many on each side).
     */
    static List<Topic> split(Topic topic) {
        List<Passage> passages = topic.passages();
        int min = Math.min(MIN_POINTS, passages.size() / 2);
        int half = topic.size() / 2;
        int cut = -1;
        int running = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 1; i < passages.size(); i++) {
            running += passages.get(i - 1).text().length();
            if (passages.get(i).section() != passages.get(i - 1).section() && i >= min && passages.size() - i >= min
                    && Math.abs(running - half) < bestDistance) {
                bestDistance = Math.abs(running - half);
                cut = i;
            }
        }
        String secondTitle;
        if (cut > 0) {
            secondTitle = passages.get(cut).sectionTitle();
        } else {
            running = 0;
            cut = 1;
            for (int i = 0; i < passages.size() - 1 && running + passages.get(i).text().length() <= half; i++) {
                running += passages.get(i).text().length();
                cut = i + 1;
            }
            cut = Math.max(Math.max(1, min), Math.min(cut, passages.size() - Math.max(1, min)));
            secondTitle = NUMBER_SUFFIX.matcher(topic.title()).replaceAll("") + " (continued)";
        }
        return List.of(
                new Topic(topic.documentId(), topic.title(), topic.frontMatter(), List.of(passages.subList(0, cut))),
                new Topic(topic.documentId(), secondTitle, false, List.of(passages.subList(cut, passages.size()))));
    }

    /** The slide of a topic: its first points not yet said in the deck ({@code said} gains them). */
    private PlannedSlide contentSlide(int index, Topic topic, Set<String> usedTitles, Set<String> said) {
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        List<List<Passage>> groups = topic.groups();
        int[] next = new int[groups.size()];
        boolean progress = true;
        // Round-robin over the groups, so a merged slide speaks of each of its parts.
        while (points.size() < keyPointsPerSlide && progress) {
            progress = false;
            for (int g = 0; g < groups.size() && points.size() < keyPointsPerSlide; g++) {
                List<Passage> group = groups.get(g);
                while (next[g] < group.size()) {
                    Passage passage = group.get(next[g]++);
                    String point = BulletText.shorten(passage.text(), maxWords);
                    if (TextCleanup.wordCount(point) >= 3 && said.add(key(point))) {
                        points.add(point);
                        SourceRef source = new SourceRef(passage.documentId(), passage.page());
                        if (!sources.contains(source)) {
                            sources.add(source);
                        }
                        progress = true;
                        break;
                    }
                }
            }
        }
        // Front matter repeats the document's title, which the title slide already shows.
        String title = topic.frontMatter() ? "Overview" : topic.title();
        return new PlannedSlide(index, distinctTitle(title, usedTitles), SlideLayout.BULLETS, points, sources);
    }

    private static String distinctTitle(String raw, Set<String> used) {
        String title = TextCleanup.wordCount(raw) > TITLE_WORDS ? BulletText.shorten(raw, TITLE_WORDS) : raw.trim();
        if (title.isEmpty()) {
            title = "Overview";
        }
        // One suffix at most: the third part of "Results" is "Results (3)", not "Results (continued) (2)".
        String base = SUFFIXES.matcher(title).replaceAll("");
        boolean continued = !base.equals(title) && title.endsWith("(continued)");
        String candidate = title;
        for (int n = continued ? 3 : 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = (base.isEmpty() ? title : base) + " (" + n + ")";
        }
        return candidate;
    }
}
