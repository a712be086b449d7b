package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.worker.model.Embedder;
import io.slideo.worker.retrieval.SentenceVectors;
import io.slideo.worker.text.TextCleanup;

/**
 * Drafts an outline without any model, as a careful editor would: a title slide, an agenda, one slide
 * per part of the documents in reading order, titled by the documents' own headings (or, without
 * any, by what the slide says), and the takeaways. Each part is one job: {@link DocumentStructure}
 * finds the parts, {@link SlotFitter} fits them to the slides, {@link PointPicker} chooses what each
 * slide says, {@link SlideTitles} names it, {@link LayoutChooser} lays it out and {@link DeckFrame}
 * frames the deck. A document with too little to say gets fewer slides than asked for, and the
 * outline's note says so, rather than slides that repeat each other.
 */
public final class OutlineDrafter {
    // Two points of its own make a slide; a part with less to say gives way to the next.
    private static final int MIN_POINTS = 2;
    private static final int REFITS = 3;
    // A longer heading would crowd out the point it names.
    static final int PART_LABEL_WORDS = 6;

    private final int keyPointsPerSlide;
    private final int maxWords;
    private final Optional<Embedder> embedder;

    public OutlineDrafter(int keyPointsPerSlide, int maxWords) {
        this(keyPointsPerSlide, maxWords, Optional.empty());
    }

    /** With an embedder, points that say the same thing in other words are said once. */
    public OutlineDrafter(int keyPointsPerSlide, int maxWords, Optional<Embedder> embedder) {
        this.keyPointsPerSlide = Math.max(3, Math.min(5, keyPointsPerSlide));
        this.maxWords = maxWords;
        this.embedder = embedder;
    }

    /** The outline; {@code note} is empty, or says why it has fewer slides than were asked for. */
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

    /** With the documents' knowledge graphs: each slide's points prefer the most central sentences. */
    public Outline draft(String description, int slideCount, List<ExtractedDocument> documents,
            Map<String, KnowledgeGraph> graphs) {
        DeckFrame frame = new DeckFrame(documents);
        String title = frame.title(description, documents);
        boolean agenda = slideCount >= 5;
        boolean closing = slideCount >= 4;
        int slots = Math.max(0, slideCount - 1 - (agenda ? 1 : 0) - (closing ? 1 : 0));
        PlannedSlide opening = frame.titleSlide(title, documents, maxWords);

        Map<String, Double> centrality = new HashMap<>();
        graphs.values().forEach(g -> g.sentences().forEach(r -> centrality.merge(r.text(), r.score(), Math::max)));
        List<Topic> parts = new ArrayList<>();
        documents.forEach(d -> parts.addAll(DocumentStructure.parts(d)));
        int minPoints = MIN_POINTS;
        PointPicker picker = new PointPicker(keyPointsPerSlide, maxWords, centrality, new SentenceVectors(embedder));
        Map<String, ExtractedDocument> byId = new LinkedHashMap<>();
        documents.forEach(d -> byId.put(d.documentId(), d));

        // Parts too thin for a slide of their own (what they say was said) give way to the next ones.
        List<Topic> candidates = new ArrayList<>(parts);
        Content content = new Content(List.of(), List.of(), List.of(), new PointPicker.Said());
        for (int attempt = 0; attempt < REFITS; attempt++) {
            Content tried = content(new SlotFitter(minPoints, PointPicker.JOINED_MOST, byId).fit(candidates, slots), slots, opening,
                    title, picker, minPoints, byId, frame);
            if (tried.slides().size() > content.slides().size()) {
                content = tried;
            }
            if (tried.slides().size() >= slots || !candidates.removeAll(tried.thin())) {
                break;
            }
        }

        PlannedSlide takeaways = closing && !content.slides().isEmpty()
                ? frame.closing(content.slides(), content.topics(), picker, content.said()) : null;
        if (takeaways != null && takeaways.keyPoints().size() < 2) {
            // Nothing left to take away that the slides do not say: the closing's place goes to content.
            takeaways = null;
            Content more = content(new SlotFitter(minPoints, PointPicker.JOINED_MOST, byId).fit(candidates, slots + 1), slots + 1,
                    opening, title, picker, minPoints, byId, frame);
            if (more.slides().size() == slots + 1) {
                content = more;
            }
        }
        List<PlannedSlide> slides = new ArrayList<>();
        slides.add(opening);
        if (agenda && content.slides().size() >= 2) {
            slides.add(frame.agenda(content.slides()));
        }
        slides.addAll(content.slides());
        if (takeaways != null) {
            slides.add(takeaways);
        }
        String note = slides.size() < slideCount ? "The documents hold enough distinct content for " + slides.size()
                + " of the " + slideCount + " slides asked for, so the outline has " + slides.size()
                + " slides rather than repeating points." : "";
        return new Outline(title, reindexed(slides), note);
    }

    /** The content slides with the topics they came from (same order) and what they said. */
    private record Content(List<PlannedSlide> slides, List<Topic> topics, List<Topic> thin, PointPicker.Said said) {
    }

    /** A slide per topic that has enough to say of its own (or a table to show); thin ones are left out. */
    private Content content(List<Topic> topics, int slots, PlannedSlide opening, String deckTitle, PointPicker picker,
            int minPoints, Map<String, ExtractedDocument> byId, DeckFrame frame) {
        LayoutChooser layouts = new LayoutChooser(byId);
        FigurePicker figures = new FigurePicker(byId);
        PointPicker.Said said = new PointPicker.Said();
        opening.keyPoints().forEach(said::add);
        Set<String> titles = new LinkedHashSet<>();
        titles.add(SlideTitles.key(deckTitle));
        titles.add(SlideTitles.key(frame.words().agenda()));
        titles.add(SlideTitles.key(frame.words().takeaways()));
        List<PlannedSlide> slides = new ArrayList<>();
        List<Topic> kept = new ArrayList<>();
        List<Topic> thin = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            Topic part = topics.get(t);
            List<PointPicker.Point> points = new ArrayList<>(picker.pick(part, said));
            // A slide joining parts says a point of each, as bullets: one part's table would hide the others'
            // points, and one part's long list would put them in two narrow columns.
            LayoutChooser.Choice chosen = layouts.choose(part);
            LayoutChooser.Choice layout = fromParts(part, points) >= minPoints
                    ? new LayoutChooser.Choice(SlideLayout.BULLETS) : chosen;
            Topic joined = part.parts() > 1 ? part.retitled(DocumentStructure.divider(byId.get(part.documentId()), part)
                    .orElseGet(() -> mostSaid(part, points))) : part;
            if (points.size() < minPoints && layout.table().isEmpty()
                    || points.isEmpty() && !joined.titled() && layout.table().isEmpty()) {
                thin.add(joined);
                continue;
            }
            String title = title(joined, points, layout.header(), titles);
            if (title.isEmpty()) {
                continue;
            }
            // Named by one of its parts' headings, the slide does not label that part's points with its title.
            Topic topic = joined.partHeadings().stream().filter(h -> SlideTitles.heading(h).equals(title)).findFirst()
                    .map(joined::retitled).orElse(joined);
            // A point short enough to be the title is said by the title; the slide says something more.
            if (points.removeIf(p -> SlideTitles.key(p.text()).equals(SlideTitles.key(title)))) {
                picker.pick(topic, said).stream().limit(1).forEach(points::add);
                if (points.size() < minPoints && layout.table().isEmpty()) {
                    thin.add(topic);
                    continue;
                }
            }
            // A part with points of its own and a table, in a short document's deck with a slide to spare:
            // its points on one slide, its table on the next, rather than the table hiding the points.
            if (layout.table().isPresent() && points.size() >= minPoints && topics.size() < slots
                    && slides.size() + topics.size() - t < slots) {
                slides.add(bulletsSlide(topic, points, title));
                kept.add(part);
                String named = SlideTitles.firstUnused(List.of(topic.titled() ? SlideTitles.heading(topic.heading()) : "",
                        SlideTitles.ofTable(layout.header())), titles);
                if (named.isEmpty()) {
                    continue;
                }
                slides.add(new PlannedSlide(0, named, layout.layout(), List.of(), List.of(layout.table().get())));
                kept.add(part);
                continue;
            }
            List<SourceRef> sources = new ArrayList<>();
            layout.table().ifPresent(sources::add);
            points.forEach(p -> {
                if (!sources.contains(p.passage().source())) {
                    sources.add(p.passage().source());
                }
            });
            // A bullet slide whose part has a figure shows it beside the bullets, one fewer of them: never
            // when that would leave out the one point of a joined part.
            Optional<SlideFigure> figure = layout.layout() == SlideLayout.BULLETS && lastPointSpare(topic, points)
                    ? figures.pick(part, slides.size()) : Optional.empty();
            slides.add(new PlannedSlide(0, title, figure.isPresent() ? SlideLayout.IMAGE : layout.layout(),
                    points.stream().map(p -> said(topic, p)).toList(), sources, figure.orElse(null)));
            kept.add(part);
        }
        return new Content(slides, kept, thin, said);
    }

    /** How many of a joined topic's parts its points come from (0 for a part as the document has it). */
    private static long fromParts(Topic topic, List<PointPicker.Point> points) {
        return topic.parts() == 1 ? 0 : points.stream().map(p -> topic.partOf(p.passage())).distinct().count();
    }

    /** Whether the slide's last point can give way: its part says something else on the slide too. */
    private static boolean lastPointSpare(Topic topic, List<PointPicker.Point> points) {
        if (topic.parts() == 1 || points.isEmpty()) {
            return true;
        }
        String last = topic.partOf(points.get(points.size() - 1).passage());
        return points.subList(0, points.size() - 1).stream().anyMatch(p -> topic.partOf(p.passage()).equals(last));
    }

    private static PlannedSlide bulletsSlide(Topic topic, List<PointPicker.Point> points, String title) {
        List<SourceRef> sources = new ArrayList<>();
        points.stream().map(p -> p.passage().source()).filter(r -> !sources.contains(r)).forEach(sources::add);
        return new PlannedSlide(0, title, SlideLayout.BULLETS, points.stream().map(p -> said(topic, p)).toList(), sources);
    }

    /** On a slide joining parts, the heading of the part most of its points come from (the first of equals). */
    private static String mostSaid(Topic topic, List<PointPicker.Point> points) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        points.forEach(p -> counts.merge(topic.partOf(p.passage()), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> !e.getKey().isEmpty()).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(topic.heading());
    }

    /**
     * The point as the slide says it: on a slide joining parts, a point from a part other than the one
     * the title names leads with that part's heading, so it is never read as belonging to the title.
     */
    private static String said(Topic topic, PointPicker.Point point) {
        String part = topic.partOf(point.passage());
        String label = SlideTitles.heading(part);
        if (part.equals(topic.heading()) || label.isEmpty() || TextCleanup.wordCount(label) > PART_LABEL_WORDS
                || SlideTitles.key(point.text()).startsWith(SlideTitles.key(label))) {
            return point.text();
        }
        // A point with a label of its own ("LogLevel: debug, info"), a heading with one ("Monitoring: Ganglia")
        // or a heading that ends in its own mark ("Why was it formed?", "Endorsed by…"), takes a dash.
        boolean dash = point.text().contains(": ") || label.contains(": ") || label.matches(".*[?!.…]$");
        return label + (dash ? " – " : ": ") + point.text();
    }

    /**
     * The part's heading; without one (or when another slide has it), what its lead sentence says, or
     * what its table's header names.
     */
    private static String title(Topic topic, List<PointPicker.Point> points, List<String> tableHeader, Set<String> used) {
        List<String> candidates = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        points.forEach(p -> clauses.add(SlideTitles.leadClause(p.text())));
        topic.passages().stream().limit(8).forEach(p -> clauses.add(SlideTitles.leadClause(p.text())));
        if (topic.titled()) {
            String heading = SlideTitles.heading(topic.heading());
            // A chapter's number alone ("VI") says where, not what: the chapter's lead clause follows it.
            String about = SlideTitles.bareNumber(heading)
                    ? clauses.stream().filter(c -> !c.isEmpty()).findFirst().orElse("") : "";
            candidates.add(about.isEmpty() ? heading : heading + " \u00b7 " + about);
        }
        // A slide joining parts another slide's title names is named by another of its parts' headings.
        topic.partHeadings().stream().distinct().filter(h -> !h.isBlank()).map(SlideTitles::heading)
                .filter(h -> !h.isEmpty() && !SlideTitles.bareNumber(h)).forEach(candidates::add);
        candidates.addAll(clauses);
        candidates.add(SlideTitles.ofTable(tableHeader));
        return SlideTitles.firstUnused(candidates, used);
    }

    private static List<PlannedSlide> reindexed(List<PlannedSlide> slides) {
        List<PlannedSlide> numbered = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) {
            PlannedSlide s = slides.get(i);
            numbered.add(new PlannedSlide(i, s.title(), s.layout(), s.keyPoints(), s.sources(), s.figure()));
        }
        return numbered;
    }
}
