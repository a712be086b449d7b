package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.BlockKind;

class BackMatterTest {

    @Test
    void contentsLinesAndCitationsAreListingsButProseIsNot() {
        assertTrue(BackMatter.listing("Chapter 1 ....................... 5"));
        assertTrue(BackMatter.listing("Introduction\t12"));
        assertTrue(BackMatter.listing("[12] A. Gal, B. Eich, et al. Trace-based compilation. In: Proc. PLDI 2009."));
        assertTrue(BackMatter.listing("Dainton, M. and Zelley, E.D., 2011, Applying communication theory"));
        assertFalse(BackMatter.listing("In 2009, the first official case was recorded in Guangdong."));
        assertFalse(BackMatter.listing("1. Multiply one withholding allowance for your payroll period by 2."));
    }

    @Test
    void aReferencesSectionIsLeftOutUntilTheNextHeadingOfItsLevel() {
        List<DocumentPart> parts = List.of(
                new DocumentPart.Heading(1, "Conclusions", 9),
                paragraph("We conclude.", 9),
                new DocumentPart.Heading(1, "7. References", 10),
                paragraph("Some entry without a year", 10),
                new DocumentPart.Heading(2, "Online sources", 10),
                paragraph("Another entry", 10),
                new DocumentPart.Heading(1, "Appendix A", 11),
                paragraph("Tables.", 11),
                new DocumentPart.Heading(2, "(3)", 11));

        List<DocumentPart> kept = BackMatter.strip(parts);

        assertEquals(List.of("Conclusions", "We conclude.", "Appendix A", "Tables."), kept.stream()
                .map(p -> p instanceof DocumentPart.Heading h ? h.text() : ((DocumentPart.Content) p).rawText()).toList());
    }

    @Test
    void notesAndIndexAreLeftOutOnlyAtTheBack() {
        List<DocumentPart> parts = List.of(new DocumentPart.Heading(1, "Notes", 1), paragraph("Keep these notes.", 1),
                new DocumentPart.Heading(1, "Body", 2), paragraph("Text.", 2), paragraph("More text.", 2),
                new DocumentPart.Heading(1, "Index", 3), paragraph("abc, 12", 3));

        List<DocumentPart> kept = BackMatter.strip(parts);

        assertEquals(5, kept.size());
        assertTrue(kept.stream().noneMatch(p -> p instanceof DocumentPart.Heading h && h.text().equals("Index")));
    }

    private static DocumentPart.Content paragraph(String text, int page) {
        return new DocumentPart.Content(BlockKind.PARAGRAPH, text, page, List.of(), List.of());
    }
}
