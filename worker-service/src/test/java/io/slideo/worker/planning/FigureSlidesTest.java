package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.graph.KnowledgeGraphBuilder;
import io.slideo.worker.writing.Instructions;
import io.slideo.worker.writing.SlideDraft;
import io.slideo.worker.writing.SlideWriter;

class FigureSlidesTest {
    private static final WorkerConfig CONFIG = DefaultConfig.worker();

    @Test
    void aPapersSlidesShowItsCaptionedFiguresOnAtMostOneSlideInThree() {
        ExtractedDocument paper = CorpusDocuments.extract("paper-mems-microrobots.pdf");
        List<PlannedSlide> content = outline(paper, 10).slides().stream()
                .filter(s -> s.layout() != SlideLayout.TITLE && s.layout() != SlideLayout.AGENDA
                        && s.layout() != SlideLayout.CLOSING)
                .toList();

        List<PlannedSlide> pictured = content.stream().filter(s -> s.layout() == SlideLayout.IMAGE).toList();
        assertFalse(pictured.isEmpty(), "a paper with captioned figures shows one: " + content);
        assertTrue(pictured.size() <= (content.size() + FigurePicker.EVERY - 1) / FigurePicker.EVERY,
                pictured.size() + " of " + content.size() + " content slides have a figure");
        for (PlannedSlide slide : pictured) {
            SlideFigure figure = slide.figure();
            assertNotNull(figure);
            assertTrue(figure.caption().startsWith("Fig"), figure.caption());
            Figure source = paper.figures().stream().filter(f -> f.blobKey().equals(figure.blobKey())).findFirst()
                    .orElseThrow();
            assertEquals(source.page(), figure.page());
            assertTrue(figure.credit().endsWith(", p. " + source.page()), figure.credit());
        }
        assertEquals(pictured.size(), pictured.stream().map(s -> s.figure().blobKey()).distinct().count(),
                "each figure on one slide");
    }

    @Test
    void theWrittenSlideCarriesItsFigureAndTheNotesSayWhatItShows() {
        ExtractedDocument paper = CorpusDocuments.extract("paper-mems-microrobots.pdf");
        PlannedSlide slide = outline(paper, 10).slides().stream().filter(s -> s.layout() == SlideLayout.IMAGE)
                .findFirst().orElseThrow();

        SlideDraft draft = new SlideWriter(14, 6, List.of(paper)).draft(slide, paper.title(),
                List.of(paper.documentId()), Instructions.NONE);

        assertEquals(SlideLayout.IMAGE, draft.layout());
        assertEquals(slide.figure(), draft.figure());
        assertFalse(draft.bullets().isEmpty());
        assertTrue(draft.notes().contains(slide.figure().caption()), draft.notes());
    }

    @Test
    void aFigureWithoutWordsIsNeverShown() {
        ExtractedDocument book = CorpusDocuments.extract("book-free-culture-lessig.pdf");
        assertTrue(book.figures().stream().allMatch(f -> f.description() == null), "the book's pictures have no caption");

        assertTrue(outline(book, 12).slides().stream().noneMatch(s -> s.layout() == SlideLayout.IMAGE));
    }

    @Test
    void overTheCorpusDecksWithFiguresShowSomeAndNoneMoreThanOneContentSlideInThree() {
        int decks = 0;
        int pictured = 0;
        for (String file : List.of("paper-mems-microrobots.pdf", "speech-rethinking-financial-network.pdf",
                "factsheet-cancer-statistics-tables.docx", "lecture-ecodesign-german.pptx",
                "talk-apache-performance-tuning.pptx", "talk-evaluation-communication-notes.pptx",
                "book-free-culture-lessig.pdf", "manual-irs-publication-15.pdf")) {
            ExtractedDocument document = CorpusDocuments.extract(file);
            List<PlannedSlide> content = outline(document, 12).slides().stream()
                    .filter(s -> s.layout() != SlideLayout.TITLE && s.layout() != SlideLayout.AGENDA
                            && s.layout() != SlideLayout.CLOSING)
                    .toList();
            long images = content.stream().filter(s -> s.layout() == SlideLayout.IMAGE).count();
            System.out.printf("IMAGE SLIDES %s: %d of %d content slides (%d figures, %d described)%n", file, images,
                    content.size(), document.figures().size(),
                    document.figures().stream().filter(f -> f.description() != null).count());
            assertTrue(images <= (content.size() + FigurePicker.EVERY - 1) / FigurePicker.EVERY, file);
            decks += images > 0 ? 1 : 0;
            pictured += (int) images;
        }
        System.out.printf("IMAGE SLIDES in %d of 8 decks, %d in all%n", decks, pictured);
        assertTrue(decks >= 2, "the paper and the speech have captioned figures");
    }

    private static OutlineDrafter.Outline outline(ExtractedDocument document, int slides) {
        return new OutlineDrafter(CONFIG.outline().keyPointsPerSlide(), CONFIG.outline().maxBulletWords())
                .draft("A briefing for a busy reader", slides, List.of(document),
                        Map.of(document.documentId(), new KnowledgeGraphBuilder(CONFIG).build(document)));
    }
}
