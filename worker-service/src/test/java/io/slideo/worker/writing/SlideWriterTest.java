package io.slideo.worker.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.TextCleanup;

class SlideWriterTest {
    private static final ExtractedDocument PAPER = new ExtractedDocument("paper", "Tracing JITs", "en", "application/pdf", 3,
            1000, Map.of(), List.of(
                    new Section("Introduction", 1, 1, 2, List.of(
                            Block.paragraph("Dynamic languages are popular because they are expressive and easy to deploy.", 1),
                            Block.paragraph("Compilers for them struggle because types are only known at run time.", 2),
                            Block.paragraph("Tracing records the hot loops and compiles them for the types seen.", 2))),
                    new Section("Evaluation", 1, 3, 3, List.of(
                            Block.paragraph("The tracing compiler runs the benchmark suite ten times faster than the interpreter.", 3)))));

    private final SlideWriter writer = new SlideWriter(14, 6, List.of(PAPER));

    @Test
    void aTableOfNumbersIsWrittenAsAChartUnlessTheInstructionsAskForATable() {
        ExtractedDocument report = new ExtractedDocument("report", "Sales", "en", "application/pdf", 2, 500, Map.of(), List.of(
                new Section("Sales by year", 1, 1, 1, List.of(
                        Block.paragraph("Sales grew in each of the last four years across every region.", 1),
                        new Block(io.slideo.model.document.BlockKind.TABLE, "Year Sales", 1, List.of(),
                                List.of(List.of("Year", "Sales ($m)"), List.of("2021", "4.1"), List.of("2022", "4.8"),
                                        List.of("2023", "5.3"), List.of("2024", "6.0")))))));
        SlideWriter writer = new SlideWriter(14, 6, List.of(report));
        PlannedSlide planned = new PlannedSlide(1, "Sales by year", SlideLayout.TABLE, List.of("Sales grew"),
                List.of(new SourceRef("report", 1)));

        SlideDraft chart = writer.draft(planned, "Sales", List.of("report"), Instructions.NONE);
        SlideDraft table = writer.draft(planned, "Sales", List.of("report"), Instructions.parse("as a table"));

        assertEquals(SlideLayout.CHART, chart.layout());
        assertEquals(List.of("2021", "4.1"), chart.table().get(1));
        assertEquals(new SourceRef("report", 1), chart.tableSource());
        assertEquals(SlideLayout.TABLE, table.layout());
    }

    @Test
    void aPointLabelledWithItsSectionsHeadingCitesThatSectionNotTheAgendaNamingIt() {
        // talk-apache-performance-tuning.pptx: slide 21 lists "Tune your App Tier"; slide 33 is that section.
        ExtractedDocument talk = new ExtractedDocument("talk", "Tuning", "en", "application/vnd.ms-powerpoint", 33, 500,
                Map.of(), List.of(
                        new Section("Apache Configuration", 1, 21, 21, List.of(
                                Block.paragraph("Tune your App Tier and your database before the web server.", 21))),
                        new Section("Tune your App Tier", 1, 33, 33, List.of(
                                Block.paragraph("Size the JVM heap and the MySQL buffers for the expected load.", 33)))));
        PlannedSlide slide = new PlannedSlide(2, "Processes and Threads", SlideLayout.BULLETS,
                List.of("Tune your App Tier: JVM, MySQL"), List.of(new SourceRef("talk", 33)));

        SlideWriter.Written written = new SlideWriter(14, 6, List.of(talk)).write(slide, "Deck", List.of("talk"));

        assertEquals(33, written.bullets().get(0).source().page(), written.bullets().toString());
    }

    @Test
    void aSlideJoiningSixPartsSaysAPointOfEachNotFiveOfThem() {
        // A long talk's 10-slide deck joins up to six of its slides on one, a point of each (PointPicker.JOINED_MOST).
        List<Section> parts = new java.util.ArrayList<>();
        List<String> points = new java.util.ArrayList<>();
        String[] topics = { "logging", "caching", "threads", "memory", "disks", "networks" };
        for (int i = 0; i < topics.length; i++) {
            String sentence = "Tuning the " + topics[i] + " of a web server pays off under heavy load.";
            parts.add(new Section("Part " + (i + 1), 1, i + 1, i + 1, List.of(Block.paragraph(sentence, i + 1))));
            points.add(sentence);
        }
        ExtractedDocument talk = new ExtractedDocument("talk", "Tuning", "en", "application/vnd.ms-powerpoint", 6, 600,
                Map.of(), parts);
        PlannedSlide joined = new PlannedSlide(2, "Tuning a web server", SlideLayout.BULLETS, points,
                java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(page -> new SourceRef("talk", page)).toList());

        SlideDraft written = new SlideWriter(14, 6, List.of(talk)).draft(joined, "Deck", List.of("talk"), Instructions.NONE);

        assertEquals(6, written.bullets().size() + written.secondColumn().size(), written.bullets().toString());
    }

    @Test
    void everyBulletTracesToThePageItCameFrom() {
        PlannedSlide slide = new PlannedSlide(2, "Evaluation", SlideLayout.BULLETS,
                List.of("The tracing compiler runs the benchmark suite ten times faster"), List.of(new SourceRef("paper", 3)));

        SlideWriter.Written written = writer.write(slide, "Deck", List.of("paper"));

        Bullet first = written.bullets().get(0);
        assertEquals("The tracing compiler runs the benchmark suite ten times faster", first.text());
        assertEquals(new SourceRef("paper", 3), first.source());
    }

    @Test
    void aSlideOfOnePointIsToppedUpFromTheSameSection() {
        PlannedSlide slide = new PlannedSlide(1, "Introduction", SlideLayout.BULLETS,
                List.of("Dynamic languages are popular because they are expressive"), List.of(new SourceRef("paper", 1)));

        SlideWriter.Written written = writer.write(slide, "Deck", List.of("paper"));

        assertEquals(2, written.bullets().size());
        assertEquals(List.of(1, 2), written.bullets().stream().map(b -> b.source().page()).toList());
        written.bullets().forEach(b -> assertTrue(TextCleanup.wordCount(b.text()) <= 14, b.text()));
    }

    @Test
    void theTakeawaysAreWrittenAsPlannedNeverToppedUpFromTheSource() {
        PlannedSlide closing = new PlannedSlide(3, "Key takeaways", SlideLayout.CLOSING,
                List.of("Introduction: Tracing records the hot loops", "Evaluation: Ten times faster than the interpreter"),
                List.of(new SourceRef("paper", 2), new SourceRef("paper", 3)));

        SlideWriter.Written written = writer.write(closing, "Deck", List.of("paper"));

        assertEquals(List.of("Introduction: Tracing records the hot loops", "Evaluation: Ten times faster than the interpreter"),
                written.bullets().stream().map(Bullet::text).toList());
        assertEquals(List.of(2, 3), written.bullets().stream().map(b -> b.source().page()).toList(),
                "each takeaway keeps its own source");
    }

    @Test
    void aTakeawayWithADashedAsideKeepsItsVerbAndNumber() {
        // From speech-rethinking-financial-network.pdf: the takeaway was cut to its subject at the first dash.
        String said = "Public interventions in the financial system during this crisis \u2013 through liquidity"
                + " injections, capital injections or public sector guarantees \u2013 already total in excess of"
                + " \u00a35 trillion.";
        PlannedSlide closing = new PlannedSlide(3, "Key takeaways", SlideLayout.CLOSING, List.of(said),
                List.of(new SourceRef("paper", 2)));

        String bullet = writer.write(closing, "Deck", List.of("paper")).bullets().get(0).text();

        assertTrue(bullet.startsWith("Public interventions") && bullet.contains("\u00a35 trillion"), bullet);
        assertFalse(BulletText.endsMidClause(bullet), bullet);
    }

    @Test
    void theAgendaKeepsTheHeadingsAsWritten() {
        PlannedSlide agenda = new PlannedSlide(1, "Agenda", SlideLayout.AGENDA, List.of("Second paragraph", "Evaluation"),
                List.of(new SourceRef("paper", 1), new SourceRef("paper", 3)));

        SlideWriter.Written written = writer.write(agenda, "Deck", List.of("paper"));

        assertEquals(List.of("Second paragraph", "Evaluation"), written.bullets().stream().map(Bullet::text).toList());
    }

    @Test
    void notesSayTheFullSentencesAndWhereTheyComeFrom() {
        PlannedSlide slide = new PlannedSlide(1, "Introduction", SlideLayout.BULLETS,
                List.of("Dynamic languages are popular because they are expressive"), List.of(new SourceRef("paper", 1)));

        String notes = writer.write(slide, "Deck", List.of("paper")).notes();

        assertTrue(notes.startsWith("Dynamic languages are popular because they are expressive and easy to deploy."), notes);
        assertTrue(notes.endsWith("This comes from \u201cTracing JITs\u201d, page 1."), notes);
    }

    @Test
    void aKeyPointTheDocumentsDoNotContainStillCitesTheSlidesSource() {
        PlannedSlide slide = new PlannedSlide(1, "Outlook", SlideLayout.BULLETS,
                List.of("Ask the audience which workloads matter most to them"), List.of(new SourceRef("paper", 2)));

        Bullet bullet = writer.write(slide, "Deck", List.of("paper")).bullets().get(0);

        assertEquals("Ask the audience which workloads matter most to them", bullet.text());
        assertEquals(new SourceRef("paper", 2), bullet.source());
    }

    @Test
    void theTitleSlideNamesTheDocumentsThePlannerNamed() {
        PlannedSlide slide = new PlannedSlide(0, "Why tracing works", SlideLayout.TITLE, List.of("Tracing JITs"),
                List.of(new SourceRef("paper", 1)));

        SlideWriter.Written written = writer.write(slide, "Why tracing works", List.of("paper"));

        assertEquals(List.of(new Bullet("Tracing JITs", new SourceRef("paper", 1))), written.bullets());
        assertTrue(written.notes().contains("Why tracing works"));
    }
}
