package io.slideo.worker.writing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.ChartReading;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.worker.model.Answers;
import io.slideo.worker.planning.ChartShape;
import io.slideo.worker.model.ModelCalls;
import io.slideo.worker.model.ModelEndpoint;
import io.slideo.worker.model.Usage;
import io.slideo.worker.research.Research;
import io.slideo.worker.retrieval.Excerpt;
import io.slideo.worker.retrieval.Retriever;
import io.slideo.worker.text.BulletText;

/**
 * Writes one planned slide with a model, from the chunks retrieved for it: every bullet cites the
 * passage it came from, and keeps that passage's page as its source. An answer citing passages it was
 * not given, or with nothing to show, is sent back for repair; what still fails is the caller's to
 * fall back on (the offline writer).
 */
public final class ModelSlideWriter {
    public static final String TEMPLATE = "slide-write";
    public static final String NOTES = "speaker-notes";
    private static final int RESEARCH_SHARE = 5;
    private static final int MAX_TABLE_ROWS = 8;
    private static final int MAX_TABLE_COLUMNS = 5;
    private static final int MAX_CELL_WORDS = 8;

    private final ModelCalls calls;
    private final ModelEndpoint model;
    private final Retriever retriever;
    private final int maxWords;
    private final int maxBullets;
    private final Optional<Research> research;
    private final Usage usage;

    public ModelSlideWriter(ModelCalls calls, ModelEndpoint model, Retriever retriever, int maxWords, int maxBullets,
            Optional<Research> research, Usage usage) {
        this.calls = calls;
        this.model = model;
        this.retriever = retriever;
        this.maxWords = maxWords;
        this.maxBullets = maxBullets;
        this.research = research.filter(Research::found);
        this.usage = usage;
    }

    public ModelEndpoint model() {
        return model;
    }

    public SlideDraft draft(PlannedSlide slide, String deckTitle, String instructions, String language) {
        String researchText = research.map(r -> r.forPrompt(calls.budgetCharacters(TEMPLATE) / RESEARCH_SHARE)).orElse("");
        int budget = calls.budgetCharacters(TEMPLATE) - researchText.length()
                - String.join(" ", slide.keyPoints()).length() - (instructions == null ? 0 : instructions.length());
        List<Excerpt> excerpts = retriever.forSlide(slide.title(), slide.keyPoints(), slide.sources(), budget);
        Map<String, Object> variables = new HashMap<>();
        variables.put("deckTitle", deckTitle == null ? slide.title() : deckTitle);
        variables.put("slideTitle", slide.title());
        variables.put("layout", slide.layout().name());
        variables.put("keyPoints", slide.keyPoints());
        variables.put("passages", excerpts);
        variables.put("maxBullets", maxBullets);
        variables.put("maxWords", maxWords);
        variables.put("instructions", instructions == null ? "" : instructions);
        variables.put("research", researchText);
        variables.put("language", language == null ? "" : language);
        int webSources = research.map(r -> r.sources().size()).orElse(0);
        Answers.Slide answer = calls.ask(model, TEMPLATE, variables, Answers.Slide.class,
                a -> problems(a, slide.layout(), excerpts.size(), webSources), usage);
        return toDraft(slide, answer, excerpts, researchText);
    }

    private static List<String> problems(Answers.Slide answer, SlideLayout layout, int passages, int webSources) {
        List<String> problems = new ArrayList<>();
        boolean table = (layout == SlideLayout.TABLE || layout == SlideLayout.CHART) && answer.table().size() >= 2;
        if (answer.bullets().isEmpty() && !table && layout != SlideLayout.TITLE) {
            problems.add("it has no bullets");
        }
        for (int i = 0; i < answer.bullets().size(); i++) {
            Answers.Point point = answer.bullets().get(i);
            if (point == null || point.text() == null || point.text().isBlank()) {
                problems.add("bullet " + (i + 1) + " has no text");
                continue;
            }
            int cited = Answers.number(point.passage());
            if (point.passage() != null && passages > 0 && (cited < 1 || cited > passages)) {
                problems.add("bullet " + (i + 1) + " cites passage " + point.passage() + ", which was not given");
            }
        }
        for (String cited : answer.sources()) {
            int n = Answers.number(cited);
            if (n < 1 || n > webSources) {
                problems.add("it cites web source " + cited + ", which was not given");
            }
        }
        return problems;
    }

    private SlideDraft toDraft(PlannedSlide slide, Answers.Slide answer, List<Excerpt> excerpts, String researchText) {
        SourceRef fallback = slide.sources().isEmpty() ? null : slide.sources().get(0);
        List<Bullet> bullets = new ArrayList<>();
        for (Answers.Point point : answer.bullets()) {
            String text = BulletText.asBullet(point.text(), maxWords);
            if (text.isEmpty() || bullets.size() >= maxBullets) {
                continue;
            }
            int cited = Answers.number(point.passage());
            SourceRef source = fallback;
            if (cited >= 1 && cited <= excerpts.size()) {
                Excerpt excerpt = excerpts.get(cited - 1);
                source = new SourceRef(excerpt.documentId(), retriever.page(excerpt, point.text()));
            }
            bullets.add(new Bullet(text, source));
        }
        String notes = answer.notes() == null ? "" : answer.notes().strip();
        if (notes.isEmpty()) {
            notes = notes(slide, bullets, excerpts, researchText);
        }
        List<Integer> web = answer.sources().stream().map(Answers::number).filter(n -> n > 0).distinct().toList();
        if (!web.isEmpty() && research.isPresent()) {
            notes = notes + " " + research.get().citationLine(web);
        }
        return switch (slide.layout()) {
            case TWO_COLUMNS -> {
                int half = (bullets.size() + 1) / 2;
                yield new SlideDraft(slide.index(), slide.title(), slide.layout(), bullets.subList(0, half),
                        bullets.subList(half, bullets.size()), List.of(), notes);
            }
            case TABLE -> answer.table().size() >= 2
                    ? new SlideDraft(slide.index(), slide.title(), slide.layout(), List.of(), List.of(),
                            table(answer.table()), notes, slide.sources().isEmpty() ? null : slide.sources().get(0))
                    : new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, bullets, List.of(), List.of(),
                            notes);
            // The model's table as a chart when it still reads as one, else as the table it is.
            case CHART -> {
                Optional<List<List<String>>> chart = ChartShape.rows(answer.table())
                        .filter(rows -> ChartReading.of(rows).isPresent());
                SourceRef source = slide.sources().isEmpty() ? null : slide.sources().get(0);
                if (chart.isPresent()) {
                    yield new SlideDraft(slide.index(), slide.title(), SlideLayout.CHART, List.of(), List.of(),
                            chart.get(), notes, source);
                }
                yield answer.table().size() >= 2
                        ? new SlideDraft(slide.index(), slide.title(), SlideLayout.TABLE, List.of(), List.of(),
                                table(answer.table()), notes, source)
                        : new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, bullets, List.of(),
                                List.of(), notes);
            }
            case QUOTE -> bullets.isEmpty()
                    ? new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, bullets, List.of(), List.of(),
                            notes)
                    : new SlideDraft(slide.index(), slide.title(), slide.layout(), bullets.subList(0, 1), List.of(),
                            List.of(), notes);
            case IMAGE -> slide.figure() == null
                    ? new SlideDraft(slide.index(), slide.title(), SlideLayout.BULLETS, bullets, List.of(), List.of(),
                            notes)
                    : new SlideDraft(slide.index(), slide.title(), slide.layout(), bullets, List.of(), List.of(),
                            SlideWriter.withFigure(notes, slide.figure()), null, slide.figure());
            default -> new SlideDraft(slide.index(), slide.title(), slide.layout(), bullets, List.of(), List.of(), notes);
        };
    }

    /** Notes the slide answer left out, asked for separately; the bullets themselves if that fails too. */
    private String notes(PlannedSlide slide, List<Bullet> bullets, List<Excerpt> excerpts, String researchText) {
        try {
            Answers.Notes notes = calls.ask(model, NOTES, Map.of("slideTitle", slide.title(),
                    "bullets", bullets.stream().map(Bullet::text).toList(), "passages", excerpts, "research", researchText),
                    Answers.Notes.class,
                    n -> n.notes() == null || n.notes().isBlank() ? List.of("the notes are empty") : List.of(), usage);
            return notes.notes().strip();
        } catch (RuntimeException e) {
            return String.join(". ", bullets.stream().map(Bullet::text).toList()) + ".";
        }
    }

    private static List<List<String>> table(List<List<String>> table) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.subList(0, Math.min(table.size(), MAX_TABLE_ROWS))) {
            if (row == null) {
                continue;
            }
            rows.add(row.subList(0, Math.min(row.size(), MAX_TABLE_COLUMNS)).stream()
                    .map(cell -> BulletText.shorten(cell == null ? "" : cell, MAX_CELL_WORDS)).toList());
        }
        return rows;
    }
}
