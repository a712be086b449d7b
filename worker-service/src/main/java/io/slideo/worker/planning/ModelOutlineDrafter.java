package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.KnowledgeGraph;
import io.slideo.worker.model.Answers;
import io.slideo.worker.model.ModelCalls;
import io.slideo.worker.model.ModelEndpoint;
import io.slideo.worker.model.Usage;
import io.slideo.worker.research.Research;
import io.slideo.worker.retrieval.DocumentMap;
import io.slideo.worker.text.BulletText;

/**
 * Drafts an outline with a model: it sees a map of the documents that fits its context (see
 * {@link DocumentMap}) and the research, and answers with slides that cite sections (which become
 * the slides' source pages) and web sources (kept for the notes). An answer with the wrong number of
 * slides, a content slide citing nothing, or sections that do not exist is sent back for repair.
 */
public final class ModelOutlineDrafter {
    public static final String TEMPLATE = "deck-plan";
    private static final int RESEARCH_SHARE = 4;

    private final ModelCalls calls;
    private final int maxWords;

    public ModelOutlineDrafter(ModelCalls calls, int maxWords) {
        this.calls = calls;
        this.maxWords = maxWords;
    }

    /** The outline, and which web sources each slide (by title) cites. */
    public record Drafted(OutlineDrafter.Outline outline, Map<String, List<Integer>> citations) {
    }

    public Drafted draft(ModelEndpoint model, String description, int slideCount, List<ExtractedDocument> documents,
            Map<String, KnowledgeGraph> graphs, Research research, Usage usage) {
        int budget = calls.budgetCharacters(TEMPLATE);
        String researchText = research != null && research.found() ? research.forPrompt(budget / RESEARCH_SHARE) : "";
        DocumentMap map = DocumentMap.of(documents, graphs, budget - researchText.length());
        Map<String, Object> variables = new HashMap<>();
        variables.put("description", description == null || description.isBlank()
                ? "A presentation of what these documents say" : description);
        variables.put("slideCount", slideCount);
        variables.put("documents", map.text());
        variables.put("research", researchText);
        variables.put("language", documents.isEmpty() || documents.get(0).language() == null ? ""
                : documents.get(0).language());
        int sourceCount = research == null ? 0 : research.sources().size();
        Answers.Plan plan = calls.ask(model, TEMPLATE, variables, Answers.Plan.class,
                answer -> problems(answer, slideCount, map, sourceCount), usage);
        return toOutline(plan, slideCount, map, documents);
    }

    private static List<String> problems(Answers.Plan plan, int slideCount, DocumentMap map, int sourceCount) {
        List<String> problems = new ArrayList<>();
        if (plan.slides().size() < slideCount) {
            problems.add("it has " + plan.slides().size() + " slides, not the " + slideCount + " asked for");
        }
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < Math.min(slideCount, plan.slides().size()); i++) {
            Answers.PlanSlide slide = plan.slides().get(i);
            if (slide.title() == null || slide.title().isBlank()) {
                problems.add("slide " + (i + 1) + " has no title");
            } else if (!titles.add(slide.title().strip().toLowerCase(Locale.ROOT))) {
                problems.add("slide " + (i + 1) + " repeats the title \"" + slide.title() + "\"");
            }
            SlideLayout layout = layout(slide.layout(), i);
            boolean content = layout != SlideLayout.TITLE && layout != SlideLayout.AGENDA && layout != SlideLayout.CLOSING;
            if (content && slide.sections().stream().map(Answers::number).noneMatch(n -> map.section(n) != null)) {
                problems.add("slide " + (i + 1) + " cites no section of the map in \"sections\"");
            }
            if (content && slide.keyPoints().isEmpty()) {
                problems.add("slide " + (i + 1) + " has no key points");
            }
            for (String cited : slide.sections()) {
                if (map.section(Answers.number(cited)) == null) {
                    problems.add("slide " + (i + 1) + " cites section " + cited + ", which is not in the map");
                }
            }
            for (String cited : slide.sources()) {
                int n = Answers.number(cited);
                if (n < 1 || n > sourceCount) {
                    problems.add("slide " + (i + 1) + " cites web source " + cited + ", which was not given");
                }
            }
        }
        return problems;
    }

    Drafted toOutline(Answers.Plan plan, int slideCount, DocumentMap map, List<ExtractedDocument> documents) {
        List<PlannedSlide> slides = new ArrayList<>();
        Map<String, List<Integer>> citations = new LinkedHashMap<>();
        FigurePicker figures = new FigurePicker(documents.stream()
                .collect(Collectors.toMap(ExtractedDocument::documentId, d -> d, (a, b) -> a)));
        for (int i = 0; i < slideCount; i++) {
            Answers.PlanSlide slide = plan.slides().get(i);
            SlideLayout layout = layout(slide.layout(), i);
            List<String> points = slide.keyPoints().stream().filter(p -> p != null && !p.isBlank())
                    .map(p -> BulletText.shorten(p, maxWords)).filter(p -> !p.isEmpty()).toList();
            List<SourceRef> sources = new ArrayList<>();
            Map<String, List<Integer>> cited = new LinkedHashMap<>();
            for (String number : slide.sections()) {
                DocumentMap.Ref ref = map.section(Answers.number(number));
                if (ref != null) {
                    cited.computeIfAbsent(ref.documentId(), d -> new ArrayList<>()).add(ref.section());
                    SourceRef source = new SourceRef(ref.documentId(), ref.pageStart());
                    if (!sources.contains(source)) {
                        sources.add(source);
                    }
                }
            }
            if (sources.isEmpty() && !documents.isEmpty()) {
                sources.add(new SourceRef(documents.get(0).documentId(), 1));
            }
            String title = slide.title().strip();
            // A bullet slide on sections with a figure shows it, as the offline planner's do.
            Optional<SlideFigure> figure = layout == SlideLayout.BULLETS ? firstFigure(figures, cited, i - 1)
                    : Optional.empty();
            slides.add(new PlannedSlide(i, title, figure.isPresent() ? SlideLayout.IMAGE : layout, points, sources,
                    figure.orElse(null)));
            List<Integer> web = slide.sources().stream().map(Answers::number).filter(n -> n > 0).distinct().toList();
            if (!web.isEmpty()) {
                citations.put(title, web);
            }
        }
        String title = plan.title() == null || plan.title().isBlank() ? slides.get(0).title() : plan.title().strip();
        return new Drafted(new OutlineDrafter.Outline(title, slides), citations);
    }

    /** A figure of the first document the slide cites, from the sections it cites. */
    private static Optional<SlideFigure> firstFigure(FigurePicker figures, Map<String, List<Integer>> cited,
            int slidesBefore) {
        return cited.entrySet().stream().findFirst()
                .flatMap(c -> figures.pick(c.getKey(), c.getValue(), slidesBefore));
    }

    /** The slide's layout as the model named it; the first slide is always the title slide. */
    static SlideLayout layout(String named, int index) {
        if (index == 0) {
            return SlideLayout.TITLE;
        }
        if (named != null) {
            String wanted = named.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (SlideLayout layout : SlideLayout.values()) {
                if (layout.name().equals(wanted) && layout != SlideLayout.TITLE) {
                    return layout;
                }
            }
        }
        return SlideLayout.BULLETS;
    }
}
