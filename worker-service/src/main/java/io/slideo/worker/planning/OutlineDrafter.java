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
 * documents hold enough to say. Key points are each section's first meaningful sentences, shortened.
 */
public final class OutlineDrafter {
    private static final Pattern NOT_PRESENTED = Pattern.compile(
            "(?i)(references|bibliography|works cited|acknowledge?ments?|(table of )?contents|index|literaturverzeichnis|inhaltsverzeichnis)");
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("\\s\\((continued|\\d+)\\)$");
    private static final int TITLE_WORDS = 10;
    // Fewer sections than this (or than the slots) and a single document is cut along its topics.
    private static final int MIN_SECTIONS = 3;

    private final int keyPointsPerSlide;
    private final int maxWords;

    public OutlineDrafter(int keyPointsPerSlide, int maxWords) {
        this.keyPointsPerSlide = Math.max(3, Math.min(5, keyPointsPerSlide));
        this.maxWords = maxWords;
    }

    public record Outline(String title, List<PlannedSlide> slides) {
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
        Set<String> titles = new LinkedHashSet<>();
        titles.add(title.toLowerCase(Locale.ROOT));
        List<PlannedSlide> content = new ArrayList<>();
        if (contentSlots > 0) {
            Map<String, ExtractedDocument> byId = new HashMap<>();
            documents.forEach(d -> byId.put(d.documentId(), d));
            Set<String> central = new java.util.HashSet<>();
            graphs.values().forEach(g -> g.sentences().forEach(r -> central.add(r.text())));
            for (Topic topic : fit(topics(documents, graphs, contentSlots), contentSlots)) {
                content.add(withLayout(contentSlide(0, centralFirst(topic, central), titles), topic, byId));
            }
        }
        List<PlannedSlide> slides = new ArrayList<>();
        slides.add(titleSlide(title, documents));
        if (agenda && content.size() >= 2) {
            slides.add(agendaSlide(content, documents));
        }
        slides.addAll(content);
        if (closing && !content.isEmpty()) {
            slides.add(closingSlide(content, documents, titles));
        }
        return new Outline(title, reindexed(slides));
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

    /** The takeaways: the lead point of each content slide, up to four. */
    private static PlannedSlide closingSlide(List<PlannedSlide> content, List<ExtractedDocument> documents,
            Set<String> titles) {
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        for (PlannedSlide slide : content) {
            if (points.size() < 4 && !slide.keyPoints().isEmpty()) {
                points.add(slide.keyPoints().get(0));
                sources.add(slide.sources().isEmpty() ? new SourceRef(documents.get(0).documentId(), 1)
                        : slide.sources().get(0));
            }
        }
        String title = Words.of(language(documents)).takeaways();
        titles.add(title.toLowerCase(Locale.ROOT));
        return new PlannedSlide(0, title, SlideLayout.CLOSING, points, sources);
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
            String name = BulletText.shorten(document.title() == null ? "" : document.title(), maxWords);
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
                if (topics.get(i).passages().size() >= 2 && (largest < 0 || topics.get(i).size() > topics.get(largest).size())) {
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

    /** Splits at the subsection boundary nearest the middle; without one, halfway through the text. */
    static List<Topic> split(Topic topic) {
        List<Passage> passages = topic.passages();
        int half = topic.size() / 2;
        int cut = -1;
        int running = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 1; i < passages.size(); i++) {
            running += passages.get(i - 1).text().length();
            if (passages.get(i).section() != passages.get(i - 1).section() && Math.abs(running - half) < bestDistance) {
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
            secondTitle = NUMBER_SUFFIX.matcher(topic.title()).replaceAll("") + " (continued)";
        }
        return List.of(
                new Topic(topic.documentId(), topic.title(), topic.frontMatter(), List.of(passages.subList(0, cut))),
                new Topic(topic.documentId(), secondTitle, false, List.of(passages.subList(cut, passages.size()))));
    }

    private PlannedSlide contentSlide(int index, Topic topic, Set<String> usedTitles) {
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
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
                    if (TextCleanup.wordCount(point) >= 3 && seen.add(point.toLowerCase(Locale.ROOT))) {
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
        String candidate = title;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = title + " (" + n + ")";
        }
        return candidate;
    }
}
