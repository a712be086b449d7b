package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.worker.text.TextCleanup;

class OutlineDrafterTest {
    private final OutlineDrafter drafter = new OutlineDrafter(4, 14);

    @Test
    void aDeckIsTitledByWhatItIsAboutNotByTheRequest() {
        ExtractedDocument doc = document("a", "Compilers Today", section("Basics", 1, 1, 3));
        OutlineDrafter.Outline outline = drafter.draft("A briefing for a busy reader. Use simple words.", 2, List.of(doc));

        assertEquals("Compilers Today", outline.title());
        PlannedSlide opening = outline.slides().get(0);
        assertEquals(SlideLayout.TITLE, opening.layout());
        assertEquals(0, opening.index());
        assertEquals("Compilers Today", opening.title());
        assertEquals(List.of(), opening.keyPoints(), "the title slide does not repeat its title");
    }

    @Test
    void aDocumentWithoutARealTitleGivesTheRequestTurnedIntoATitle() {
        ExtractedDocument doc = document("a", "Microsoft Word - notes.doc", section("Basics", 1, 1, 3));
        assertEquals("Teach the team about compilers",
                drafter.draft("teach the team about compilers. Use simple words.", 2, List.of(doc)).title());
    }

    @Test
    void withoutADescriptionTheDeckIsNamedAfterTheFirstDocument() {
        ExtractedDocument doc = document("a", "Compilers Today", section("Basics", 1, 1, 3));
        assertEquals("Compilers Today", drafter.draft("  ", 2, List.of(doc)).title());
    }

    @Test
    void withTooManySectionsAdjacentOnesShareASlideAndEachPointIsNamedByItsOwnHeading() {
        List<Section> sections = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            sections.add(section("Topic " + i, 1, i, i % 3 == 0 ? 6 : 3));
        }
        ExtractedDocument doc = document("a", "Nine Topics", sections.toArray(Section[]::new));

        List<PlannedSlide> slides = drafter.draft(null, 7, List.of(doc)).slides();

        assertEquals(7, slides.size());
        assertIndexed(slides);
        List<String> titles = content(slides).stream().map(PlannedSlide::title).toList();
        assertEquals(4, titles.size());
        List<String> inOrder = sections.stream().map(Section::title).filter(titles::contains).toList();
        assertEquals(inOrder, titles, "titled by the documents' headings, in the document's order");
        Set<String> told = new HashSet<>();
        for (PlannedSlide slide : content(slides)) {
            for (String point : slide.keyPoints()) {
                java.util.regex.Matcher labelled = java.util.regex.Pattern.compile("^(Topic \\d): (.*)$").matcher(point);
                // A point that names its section itself needs no label; one that does not ("It was …") and
                // has none is the title's.
                String said = labelled.matches() ? labelled.group(2) : point;
                String part = labelled.matches() ? labelled.group(1) : said.startsWith("Topic ") ? said.substring(0, 7) : slide.title();
                assertTrue(!part.equals(slide.title()) || !labelled.matches(), "the title's own points are not labelled: " + point);
                assertTrue(said.startsWith(part + " ") || said.startsWith("It was"),
                        "a point from another section than the title's is named by its heading: " + slide.title() + " / " + point);
                told.add(part);
            }
        }
        assertEquals(sections.stream().map(Section::title).collect(Collectors.toSet()), told,
                "no section is left out when slides can join them");
    }

    @Test
    void aFortySlideTalkInATenSlideDeckSaysEverySlideInOrderOnSlidesThatJoinThem() {
        // Before, four parts at most joined a slide and the least-said were dropped: 32 of 40 at best.
        List<Section> sections = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            sections.add(new Section("Topic " + i, 1, i, i, List.of(Block.paragraph("Topic " + i + " needs steady care.", i))));
        }
        List<PlannedSlide> content = content(drafter.draft(null, 10, List.of(document("a", "A Long Talk",
                sections.toArray(Section[]::new)))).slides());

        assertTrue(content.size() >= 7, content.toString());
        List<Integer> pages = content.stream().flatMap(s -> s.sources().stream()).map(SourceRef::page).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList(), pages,
                "each slide of the talk said once, in order: " + content);
        content.forEach(s -> assertTrue(s.keyPoints().size() <= PointPicker.JOINED_MOST, s.toString()));
    }

    @Test
    void aLongerDeckOpensWithAnAgendaAndClosesWithTakeaways() {
        ExtractedDocument doc = document("a", "Four Topics", section("Alpha", 1, 1, 6), section("Beta", 1, 2, 6),
                section("Gamma", 1, 3, 6), section("Delta", 1, 4, 5));

        List<PlannedSlide> slides = drafter.draft(null, 6, List.of(doc)).slides();

        assertEquals(List.of(SlideLayout.TITLE, SlideLayout.AGENDA, SlideLayout.BULLETS, SlideLayout.BULLETS,
                SlideLayout.BULLETS, SlideLayout.CLOSING), slides.stream().map(PlannedSlide::layout).toList());
        assertEquals(content(slides).stream().map(PlannedSlide::title).toList(), slides.get(1).keyPoints(),
                "the agenda lists the content slides");
        PlannedSlide closing = slides.get(5);
        assertEquals("Key takeaways", closing.title());
        assertEquals(closing.keyPoints().size(), closing.sources().size(), "every takeaway has its source");
        assertEquals(3, closing.keyPoints().size(), "one takeaway per content slide");
    }

    @Test
    void theTakeawaysAreWholeSentencesNoSlideSaysYet() {
        List<Section> sections = new ArrayList<>();
        String[] names = { "Recording", "Compiling", "Guarding", "Measuring" };
        for (int i = 0; i < names.length; i++) {
            sections.add(section(names[i], 1, i + 1, 6));
        }
        ExtractedDocument doc = document("a", "Four Steps", sections.toArray(Section[]::new));

        List<PlannedSlide> slides = drafter.draft(null, 7, List.of(doc)).slides();

        PlannedSlide closing = slides.get(slides.size() - 1);
        assertEquals(SlideLayout.CLOSING, closing.layout());
        Set<String> said = content(slides).stream().flatMap(s -> s.keyPoints().stream()).collect(Collectors.toSet());
        assertEquals(4, content(slides).size());
        assertTrue(closing.keyPoints().size() >= 2, closing.toString());
        for (int i = 0; i < closing.keyPoints().size(); i++) {
            String takeaway = closing.keyPoints().get(i);
            assertTrue(takeaway.endsWith("."), "a sentence: " + takeaway);
            assertFalse(said.contains(takeaway.substring(0, takeaway.length() - 1)), "repeats a bullet: " + takeaway);
            assertFalse(takeaway.contains(": "), "not a label and the first words of a bullet: " + takeaway);
            assertFalse(takeaway.matches("(?i).*(\\s(the|a|an|of|to|and|or|in|for|with|that)|,)\\.$"), takeaway);
        }
    }

    @Test
    void aDocumentWithTooLittleToSayGetsFewerSlidesThanAskedAndTheOutlineSaysSo() {
        ExtractedDocument doc = document("a", "Short Note", section("Findings", 1, 1, 4));

        OutlineDrafter.Outline outline = drafter.draft(null, 10, List.of(doc));

        List<PlannedSlide> slides = outline.slides();
        assertTrue(slides.size() < 10, slides.size() + " slides");
        assertIndexed(slides);
        List<String> points = slides.stream().filter(s -> s.layout() != SlideLayout.AGENDA)
                .flatMap(s -> s.keyPoints().stream()).toList();
        assertEquals(points.size(), Set.copyOf(points).size(), "no point is said twice: " + points);
        content(slides).forEach(s -> assertTrue(s.keyPoints().size() >= 2, s.toString()));
        assertTrue(outline.note().contains(slides.size() + " of the 10 slides"), outline.note());
        assertEquals("", drafter.draft(null, 3, List.of(doc)).note(), "a deck of the size asked for needs no note");
    }

    @Test
    void aSentenceTheDocumentRepeatsIsSaidOnceInTheDeck() {
        List<Block> same = paragraphs("Shared", 1, 2);
        ExtractedDocument doc = document("a", "Twice Told", new Section("First telling", 1, 1, 1, same),
                new Section("Second telling", 1, 2, 2, same.stream().map(b -> Block.paragraph(b.text(), 2)).toList()),
                section("Something new", 1, 3, 3));

        List<PlannedSlide> slides = drafter.draft(null, 6, List.of(doc)).slides();

        List<String> points = slides.stream().filter(s -> s.layout() != SlideLayout.AGENDA)
                .flatMap(s -> s.keyPoints().stream()).toList();
        assertEquals(points.size(), Set.copyOf(points).size(), "no point is said twice: " + points);
        assertFalse(content(slides).stream().anyMatch(s -> s.title().equals("Second telling")),
                "a section that only repeats another has no slide of its own: " + slides);
    }

    @Test
    void aSectionWithASmallTableBecomesATableSlide() {
        Section withTable = new Section("Figures", 1, 2, 2, List.of(
                io.slideo.model.document.Block.paragraph("The figures for the year are in the table below.", 2),
                new io.slideo.model.document.Block(io.slideo.model.document.BlockKind.TABLE, "Year Revenue", 2,
                        List.of(), List.of(List.of("Year", "Revenue"), List.of("2023", "10"), List.of("2024", "12")))));
        ExtractedDocument doc = document("a", "Report", section("Intro", 1, 1, 3), withTable);

        List<PlannedSlide> slides = drafter.draft(null, 3, List.of(doc)).slides();

        PlannedSlide figures = slides.stream().filter(s -> s.title().equals("Figures")).findFirst().orElseThrow();
        assertEquals(SlideLayout.TABLE, figures.layout());
        assertEquals(2, figures.sources().get(0).page(), "the table's own page comes first");
    }

    @Test
    void aSectionWithATableOfNumbersBecomesAChartSlide() {
        Section withTable = new Section("Figures", 1, 2, 2, List.of(
                io.slideo.model.document.Block.paragraph("The figures for the year are in the table below.", 2),
                new io.slideo.model.document.Block(io.slideo.model.document.BlockKind.TABLE, "Year Revenue", 2,
                        List.of(), List.of(List.of("Year", "Revenue"), List.of("2021", "8"), List.of("2022", "9.5"),
                                List.of("2023", "10"), List.of("2024", "12")))));
        ExtractedDocument doc = document("a", "Report", section("Intro", 1, 1, 3), withTable);

        List<PlannedSlide> slides = drafter.draft(null, 3, List.of(doc)).slides();

        PlannedSlide figures = slides.stream().filter(s -> s.title().equals("Figures")).findFirst().orElseThrow();
        assertEquals(SlideLayout.CHART, figures.layout());
        assertEquals(2, figures.sources().get(0).page(), "the table's own page comes first");
    }

    @Test
    void aTableOfBlankRowsIsAFormNotATableSlide() {
        Section form = new Section("Form", 1, 2, 2, List.of(
                io.slideo.model.document.Block.paragraph("Fill in the form below before the meeting starts.", 2),
                new io.slideo.model.document.Block(io.slideo.model.document.BlockKind.TABLE, "Name Date", 2,
                        List.of(), List.of(List.of("Name", "Date"), List.of("", ""), List.of(" ", "")))));
        ExtractedDocument doc = document("a", "Report", section("Intro", 1, 1, 3), form, section("Outro", 1, 3, 3));

        List<PlannedSlide> slides = drafter.draft(null, 5, List.of(doc)).slides();

        assertTrue(slides.stream().noneMatch(s -> s.layout() == SlideLayout.TABLE), slides.toString());
    }

    @Test
    void splitsLongSectionsAlongTheirSubsectionsWhenThereAreTooFew() {
        ExtractedDocument doc = document("a", "Two Chapters",
                section("Chapter One", 1, 1, 2), section("Early Days", 2, 2, 4), section("Growth", 2, 3, 4),
                section("Chapter Two", 1, 4, 2), section("Today", 2, 5, 4));

        List<PlannedSlide> slides = drafter.draft(null, 3, List.of(doc)).slides();

        assertEquals(3, slides.size());
        assertIndexed(slides);
        Set<String> titles = slides.stream().map(PlannedSlide::title).collect(Collectors.toSet());
        assertEquals(slides.size(), titles.size(), "titles are distinct: " + titles);
        assertTrue(titles.contains("Chapter One") && titles.contains("Chapter Two"), titles.toString());
        List<PlannedSlide> longer = drafter.draft(null, 4, List.of(doc)).slides(); // title, 2 content, closing
        assertEquals(4, longer.size());
    }

    @Test
    void aLongSectionWithoutSubsectionsIsSplitAndTitledByWhatItSaysNeverContinued() {
        ExtractedDocument doc = document("a", "One Long Story", section("The Story", 1, 1, 8));

        List<PlannedSlide> slides = drafter.draft(null, 3, List.of(doc)).slides();

        assertEquals(3, slides.size());
        assertEquals("The Story", slides.get(1).title());
        String second = slides.get(2).title();
        assertFalse(second.contains("(") || second.contains("continued"), second);
        assertTrue(second.startsWith("The Story finding number") || second.startsWith("It was measured"),
                "the lead sentence of its own text: " + second);
    }

    @Test
    void keyPointsAreTheFirstMeaningfulSentencesShortenedWithTheirPages() {
        ExtractedDocument doc = document("doc-1", "Paper", section("Method", 1, 7, 6));

        PlannedSlide slide = drafter.draft(null, 2, List.of(doc)).slides().get(1);

        assertEquals(4, slide.keyPoints().size());
        assertTrue(slide.keyPoints().get(0).startsWith("Method finding number 1"), slide.keyPoints().toString());
        slide.keyPoints().forEach(p -> assertTrue(TextCleanup.wordCount(p) <= 14, p));
        assertFalse(slide.sources().isEmpty());
        slide.sources().forEach(s -> {
            assertEquals("doc-1", s.documentId());
            assertEquals(7, s.page());
        });
    }

    @Test
    void leavesOutReferencesAndFrontMatterBeforeMergingContent() {
        ExtractedDocument doc = document("a", "Paper",
                new Section("Paper", 0, 1, 1, paragraphs("Front", 1, 3)),
                section("Results", 1, 2, 3), section("Discussion", 1, 3, 3), section("References", 1, 4, 5));

        List<PlannedSlide> slides = drafter.draft(null, 3, List.of(doc)).slides();

        assertEquals(List.of("Paper", "Results", "Discussion"), slides.stream().map(PlannedSlide::title).toList());
    }

    @Test
    void followsTheDocumentsInTheOrderGiven() {
        ExtractedDocument first = document("first", "First", section("Alpha", 1, 1, 3), section("Beta", 1, 2, 3));
        ExtractedDocument second = document("second", "Second", section("Gamma", 1, 1, 3));

        List<PlannedSlide> slides = drafter.draft(null, 6, List.of(second, first)).slides();

        assertEquals(List.of("Gamma", "Alpha", "Beta"), content(slides).stream().map(PlannedSlide::title).toList());
        assertEquals("second", content(slides).get(0).sources().get(0).documentId());
        assertEquals(Set.of("first", "second"),
                slides.get(0).sources().stream().map(s -> s.documentId()).collect(Collectors.toSet()));
    }

    private static void assertIndexed(List<PlannedSlide> slides) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < slides.size(); i++) {
            assertEquals(i, slides.get(i).index());
            assertTrue(seen.add(slides.get(i).index()));
            if (i > 0) {
                assertTrue(slides.get(i).keyPoints().size() >= 1, slides.get(i).toString());
            }
        }
    }

    private static List<PlannedSlide> content(List<PlannedSlide> slides) {
        return slides.stream().filter(s -> s.layout() == SlideLayout.BULLETS).toList();
    }

    static ExtractedDocument document(String id, String title, Section... sections) {
        long characters = List.of(sections).stream().flatMap(s -> s.blocks().stream()).mapToLong(b -> b.text().length()).sum();
        return new ExtractedDocument(id, title, "en", "application/pdf", 10, characters, Map.of(), List.of(sections));
    }

    /** A section whose paragraphs each hold two sentences naming the section, so tests can tell them apart. */
    static Section section(String title, int level, int page, int paragraphs) {
        return new Section(title, level, page, page, paragraphs(title, page, paragraphs));
    }

    static List<Block> paragraphs(String title, int page, int count) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            blocks.add(Block.paragraph(title + " finding number " + i + " shows how the " + title.toLowerCase()
                    + "ish system behaves under real load."
                    + " It was measured on " + (i + 2) + " machines over several weeks of ordinary use.", page));
        }
        return blocks;
    }
}
