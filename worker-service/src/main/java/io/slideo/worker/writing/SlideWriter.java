package io.slideo.worker.writing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.ChartReading;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.planning.ChartShape;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.TextCleanup;

/**
 * Writes planned slides without any model: bullets are the plan's key points (or, to reach three,
 * further sentences of the same section), shortened, each traced to the page it came from; the
 * speaker notes are the full source sentences. The agenda and the takeaways are written as planned:
 * they are never topped up with sentences the content slides already say.
 */
public final class SlideWriter {
    public static final String GENERATOR = "offline";
    private static final int MIN_BULLETS = 3;
    // The plan says what each slide says; the source tops up only a slide left with less than this.
    private static final int TOP_UP_BELOW = 2;
    private static final int NOTE_SENTENCES = 4;
    private static final int SHORT_WORDS = 10;
    private static final int QUOTE_WORDS = 40;

    private final int maxWords;
    private final int maxBullets;
    private final Map<String, ExtractedDocument> documents;
    private final SourceIndex index;

    /** {@code documents} in the deck's order; those that could not be loaded are simply absent. */
    public SlideWriter(int maxWords, int maxBullets, Collection<ExtractedDocument> documents) {
        this(maxWords, maxBullets, documents, new SourceIndex(documents));
    }

    private SlideWriter(int maxWords, int maxBullets, Collection<ExtractedDocument> documents, SourceIndex index) {
        this.maxWords = maxWords;
        this.maxBullets = Math.max(MIN_BULLETS, maxBullets);
        this.documents = new LinkedHashMap<>();
        documents.forEach(d -> this.documents.put(d.documentId(), d));
        this.index = index;
    }

    /** The bullets and notes of one slide; the title, index and layout stay those of the plan. */
    public record Written(List<Bullet> bullets, String notes) {
    }

    /**
     * The slide in its layout: bullets (fewer and shorter, or more, as the instructions ask), split in
     * two columns, or the source's table, or its strongest sentence as a quote. A layout the sources
     * cannot fill (no table on the source pages) falls back to bullets.
     */
    public SlideDraft draft(PlannedSlide slide, String deckTitle, List<String> documentIds, Instructions instructions) {
        SlideLayout asked = instructions.layout() != null && slide.layout() != SlideLayout.TITLE
                && slide.layout() != SlideLayout.AGENDA ? instructions.layout() : slide.layout();
        // A planner that named a table of numbers a TABLE (the model's does) gets its chart, unless asked for the table.
        SlideLayout layout = asked == SlideLayout.TABLE && instructions.layout() == null
                && index.table(slide.sources()).flatMap(table -> ChartShape.chart(table.rows())).isPresent()
                ? SlideLayout.CHART : asked;
        // One below the most by default, but never fewer than the plan's points: a slide joining several parts
        // of a long document plans one point of each (up to PointPicker.JOINED_MOST), and each must be said.
        int bullets = instructions.shorter() ? MIN_BULLETS : instructions.moreDetail() ? maxBullets
                : Math.min(maxBullets, Math.max(maxBullets - 1, slide.keyPoints().size()));
        int words = instructions.shorter() ? Math.min(maxWords, SHORT_WORDS) : maxWords;
        SlideWriter sized = bullets == maxBullets && words == maxWords ? this
                : new SlideWriter(words, Math.max(MIN_BULLETS, bullets), documents.values(), index);
        Written written = sized.write(slide, deckTitle, documentIds);
        List<Bullet> all = written.bullets();
        return switch (layout) {
            case TWO_COLUMNS -> {
                int half = (all.size() + 1) / 2;
                yield new SlideDraft(slide.index(), slide.title(), layout, all.subList(0, half),
                        all.subList(half, all.size()), List.of(), written.notes());
            }
            case TABLE -> index.table(slide.sources())
                    .map(table -> new SlideDraft(slide.index(), slide.title(), layout, List.of(), List.of(),
                            SlideTables.trimmed(table.rows(), language()), written.notes(), table.source()))
                    .orElseGet(() -> new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, all, List.of(),
                            List.of(), written.notes()));
            case CHART -> index.table(slide.sources())
                    .flatMap(table -> ChartShape.rows(table.rows()).filter(rows -> ChartReading.of(rows).isPresent())
                            .map(rows -> new SlideDraft(slide.index(), slide.title(), layout, List.of(), List.of(), rows,
                                    written.notes(), table.source())))
                    .orElseGet(() -> draft(new PlannedSlide(slide.index(), slide.title(), SlideLayout.TABLE,
                            slide.keyPoints(), slide.sources()), deckTitle, documentIds, instructions));
            case QUOTE -> all.isEmpty()
                    ? new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, all, List.of(), List.of(),
                            written.notes())
                    : new SlideDraft(slide.index(), slide.title(), layout, List.of(quote(all.get(0))), List.of(),
                            List.of(), written.notes());
            // Beside a figure the bullets have half the width: one fewer of them.
            case IMAGE -> slide.figure() == null
                    ? new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, all, List.of(), List.of(),
                            written.notes())
                    : new SlideDraft(slide.index(), slide.title(), layout, all.subList(0, Math.min(all.size(),
                            Math.max(MIN_BULLETS, all.size() - 1))), List.of(), List.of(), withFigure(written.notes(),
                                    slide.figure()), null, slide.figure());
            default -> new SlideDraft(slide.index(), slide.title(), layout, all, List.of(), List.of(), written.notes());
        };
    }

    /** The speaker is told what the figure shows, in the document's own words. */
    static String withFigure(String notes, SlideFigure figure) {
        String shown = figure.description().isBlank() ? "" : "The figure shows: " + figure.description() + " ("
                + figure.credit() + ").";
        return notes == null || notes.isBlank() ? shown : (notes + " " + shown).strip();
    }

    private String language() {
        return documents.values().stream().findFirst().map(ExtractedDocument::language).orElse("en");
    }

    /** The full sentence behind a bullet, as a quote, with its source. */
    private Bullet quote(Bullet lead) {
        return lead.source() == null ? lead
                : index.page(lead.source().documentId(), lead.source().page() == null ? 1 : lead.source().page())
                        .stream().map(Passage::text).filter(t -> TextCleanup.wordCount(t) <= QUOTE_WORDS)
                        .filter(t -> t.toLowerCase(Locale.ROOT).contains(lead.text().toLowerCase(Locale.ROOT)
                                .replaceAll("\\W+$", "").split(" ")[0]))
                        .findFirst().map(t -> new Bullet(t, lead.source())).orElse(lead);
    }

    public Written write(PlannedSlide slide, String deckTitle, List<String> documentIds) {
        SourceRef fallback = fallbackSource(slide, documentIds);
        if (slide.layout() == SlideLayout.TITLE) {
            return titleSlide(slide, deckTitle, fallback);
        }
        Set<String> scope = slide.sources().stream().map(SourceRef::documentId).collect(Collectors.toSet());
        List<Bullet> bullets = new ArrayList<>();
        List<String> noteSentences = new ArrayList<>();
        Set<String> said = new LinkedHashSet<>();
        Set<Passage> used = new HashSet<>();
        Passage anchor = null;
        // The planner's own slides (agenda, takeaways) hold its words, kept as written when they fit.
        boolean planners = slide.layout() == SlideLayout.AGENDA || slide.layout() == SlideLayout.CLOSING;
        // One source per point: each point that is not found in the text keeps its own.
        boolean perPoint = slide.sources().size() == slide.keyPoints().size();
        for (int i = 0; i < slide.keyPoints().size(); i++) {
            String point = slide.keyPoints().get(i);
            Optional<Passage> origin = index.find(point, scope);
            // Agenda entries are headings, kept as written; takeaways are sentences, shortened only by the
            // rules that keep their meaning (a heading's rule of dropping what follows a dash cut a
            // takeaway's verb and number away).
            String text = slide.layout() == SlideLayout.AGENDA ? BulletText.asWritten(point, maxWords)
                    : BulletText.asBullet(point, maxWords);
            if (text.isEmpty() || !said.add(text.toLowerCase(Locale.ROOT)) || bullets.size() >= maxBullets) {
                continue;
            }
            SourceRef own = perPoint ? slide.sources().get(i) : fallback;
            // The planner's own slides cite what it planned (an agenda entry, its slide); others where the text is.
            bullets.add(new Bullet(text, planners && perPoint ? own : origin.map(SlideWriter::sourceOf).orElse(own)));
            noteSentences.add(origin.map(Passage::text).orElse(asSentence(point)));
            origin.ifPresent(used::add);
            if (anchor == null && origin.isPresent()) {
                anchor = origin.get();
            }
        }
        // Topping up from the source would repeat what the content slides say; the planner's slides are whole.
        for (Passage passage : planners ? List.<Passage>of() : moreFromTheSource(slide, anchor)) {
            if (bullets.size() >= TOP_UP_BELOW) {
                break;
            }
            String text = BulletText.asBullet(passage.text(), maxWords);
            if (!used.contains(passage) && TextCleanup.wordCount(text) >= 3 && said.add(text.toLowerCase(Locale.ROOT))) {
                used.add(passage);
                bullets.add(new Bullet(text, sourceOf(passage)));
                noteSentences.add(passage.text());
            }
        }
        String presenters = anchor == null ? "" : presentersNotes(anchor);
        return new Written(bullets, presenters.isEmpty() ? notes(slide, noteSentences, bullets) : presenters);
    }

    /** The notes a source deck's presenter kept for the slide this one draws on: they stay notes. */
    private String presentersNotes(Passage anchor) {
        ExtractedDocument document = documents.get(anchor.documentId());
        if (document == null || anchor.section() >= document.sections().size()) {
            return "";
        }
        return document.sections().get(anchor.section()).blocks().stream()
                .filter(b -> b.kind() == io.slideo.model.document.BlockKind.NOTE)
                .map(b -> TextCleanup.normalize(b.text())).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(" "));
    }

    private Written titleSlide(PlannedSlide slide, String deckTitle, SourceRef fallback) {
        List<Bullet> bullets = new ArrayList<>();
        List<String> points = new ArrayList<>(slide.keyPoints());
        for (String point : points) {
            String text = BulletText.asWritten(point == null ? "" : point, maxWords);
            if (!text.isEmpty() && bullets.size() < maxBullets) {
                bullets.add(new Bullet(text, documentNamed(point).orElse(fallback)));
            }
        }
        String sources = documents.values().stream().map(d -> "\u201c" + d.title() + "\u201d")
                .collect(Collectors.joining(", "));
        String notes = "Welcome. This presentation is \u201c" + (deckTitle == null ? slide.title() : deckTitle) + "\u201d."
                + (sources.isEmpty() ? "" : " It is drawn from " + sources + ".")
                + " Every point that follows names the page it comes from.";
        return new Written(bullets, notes);
    }

    /** Further sentences of the section the slide's first key point came from, else of its first source page. */
    private List<Passage> moreFromTheSource(PlannedSlide slide, Passage anchor) {
        if (anchor != null) {
            return index.section(anchor.documentId(), anchor.section());
        }
        for (SourceRef source : slide.sources()) {
            if (source.page() != null) {
                List<Passage> onPage = index.page(source.documentId(), source.page());
                if (!onPage.isEmpty()) {
                    return index.section(source.documentId(), onPage.get(0).section());
                }
            }
        }
        return List.of();
    }

    private String notes(PlannedSlide slide, List<String> sentences, List<Bullet> bullets) {
        StringBuilder notes = new StringBuilder();
        sentences.stream().limit(NOTE_SENTENCES).forEach(s -> notes.append(asSentence(s)).append(' '));
        if (notes.isEmpty()) {
            notes.append("This slide introduces ").append(slide.title()).append(". ");
        }
        bullets.stream().map(Bullet::source).filter(s -> s != null && !s.citation().isEmpty()).findFirst()
                .ifPresent(source -> notes.append("This comes from ").append(documentTitle(source.documentId()))
                        .append(", ").append(source.location() != null ? source.location() : "page " + source.page())
                        .append('.'));
        return notes.toString().trim();
    }

    private String documentTitle(String documentId) {
        ExtractedDocument document = documents.get(documentId);
        return document == null || document.title() == null ? "the source document" : "\u201c" + document.title() + "\u201d";
    }

    private Optional<SourceRef> documentNamed(String title) {
        return documents.values().stream()
                .filter(d -> d.title() != null && BulletText.asWritten(d.title(), maxWords)
                        .equalsIgnoreCase(BulletText.asWritten(title == null ? "" : title, maxWords)))
                .findFirst().map(d -> new SourceRef(d.documentId(), 1));
    }

    private SourceRef fallbackSource(PlannedSlide slide, List<String> documentIds) {
        if (!slide.sources().isEmpty()) {
            return slide.sources().get(0);
        }
        if (documentIds != null && !documentIds.isEmpty()) {
            return new SourceRef(documentIds.get(0), null);
        }
        return documents.keySet().stream().findFirst().map(id -> new SourceRef(id, null)).orElse(null);
    }

    private static SourceRef sourceOf(Passage passage) {
        return passage.source();
    }

    private static String asSentence(String text) {
        String sentence = TextCleanup.normalize(text);
        if (sentence.isEmpty()) {
            return sentence;
        }
        sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        char last = sentence.charAt(sentence.length() - 1);
        return ".!?\u201d\"".indexOf(last) >= 0 ? sentence : sentence + ".";
    }
}
