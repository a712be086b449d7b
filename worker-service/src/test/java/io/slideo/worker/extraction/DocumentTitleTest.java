package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.BlockKind;

class DocumentTitleTest {
    private static DocumentPart paragraph(String text) {
        return new DocumentPart.Content(BlockKind.PARAGRAPH, text, 1, List.of(), List.of());
    }

    @Test
    void aSheetsDefaultNameAndALineOfTextAreNotTitlesTheFileNameIs() {
        assertEquals("Sheet monthly data chart", DocumentTitle.of(null,
                List.of(new DocumentPart.Heading(1, "Sheet1", 1), paragraph("wants a peach")), "sheet-monthly-data-chart.xlsx"));
    }

    @Test
    void aDeclaredTitleWinsUnlessAnEditorGaveIt() {
        assertEquals("Free Culture", DocumentTitle.of("Free Culture", List.of(), "book.pdf"));
        assertEquals("Budget 2026", DocumentTitle.of("Microsoft Word - budget.doc",
                List.of(new DocumentPart.Heading(1, "Budget 2026", 1)), "budget.doc"));
        assertEquals("First paragraph", DocumentTitle.of("Presentation1", List.of(paragraph("First paragraph")), "a.docx"));
    }
}
