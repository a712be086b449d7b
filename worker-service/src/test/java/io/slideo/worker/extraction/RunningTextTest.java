package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.BlockKind;

class RunningTextTest {
    private static final String[] BODY = { "Engines convert fuel into motion.", "Brakes turn motion into heat.",
            "Tyres grip the road surface.", "Gearboxes trade speed for torque.", "Batteries store electrical energy.",
            "Radiators carry heat away.", "Steering links the wheel to the axle.", "Suspension smooths the ride.",
            "Lights make the car visible.", "Mirrors show what is behind." };

    @Test
    void headersAndPageNumbersRepeatedAtPageEdgesAreRemoved() {
        List<DocumentPart> parts = new ArrayList<>();
        for (int page = 1; page <= 8; page++) {
            parts.add(paragraph("Journal of Useful Results, Vol. 12\n" + BODY[page - 1], page));
            parts.add(paragraph(BODY[page + 1] + "\nPage " + page + " of 8", page));
        }

        List<DocumentPart> cleaned = RunningText.strip(parts, 8);

        String all = text(cleaned);
        assertFalse(all.contains("Journal of Useful Results"), all);
        assertFalse(all.contains("of 8"), all);
        assertTrue(all.contains(BODY[2]), all);
        assertTrue(all.contains(BODY[9]), all);
    }

    @Test
    void aLineThatRecursOnlyOnAFewPagesIsContent() {
        List<DocumentPart> parts = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            String first = page <= 2 ? "Summary of findings\n" : "";
            parts.add(paragraph(first + BODY[page - 1], page));
        }

        assertEquals(text(parts), text(RunningText.strip(parts, 10)));
    }

    @Test
    void printersMarksOnMostPagesGoWhereverTheyStand() {
        List<DocumentPart> parts = new ArrayList<>();
        for (int page = 1; page <= 8; page++) {
            parts.add(paragraph(BODY[page - 1] + "\n1 2 3 4 5 6 7 8 9\n4TH PASS PAGES\n" + BODY[page + 1], page));
        }

        String all = text(RunningText.strip(parts, 8));

        assertFalse(all.contains("PASS PAGES") || all.contains("1 2 3"), all);
        assertTrue(all.contains(BODY[0]) && all.contains(BODY[9]), all);
    }

    @Test
    void aChaptersRunningHeadWhoseNumberKeepsStepWithThePageGoesButAChapterTitleStays() {
        List<DocumentPart> parts = new ArrayList<>();
        for (int page = 1; page <= 30; page++) {
            // Printed page numbers run 14 ahead of the file's pages; the head is on 5 of 30 pages.
            String head = page >= 20 && page < 25 ? "“PIRACY” " + (page + 14) + "\n" : "";
            String chapter = page % 10 == 0 ? "Chapter " + page / 10 + "\n" : "";
            parts.add(paragraph(chapter + head + BODY[page % 10], page));
        }

        String all = text(RunningText.strip(parts, 30));

        assertFalse(all.contains("PIRACY"), all);
        assertTrue(all.contains("Chapter 3"), all);
    }

    @Test
    void shortDocumentsAreLeftAlone() {
        List<DocumentPart> parts = List.of(paragraph("Header\nText", 1), paragraph("Header\nText", 2));
        assertEquals(parts, RunningText.strip(parts, 2));
    }

    private static DocumentPart paragraph(String text, int page) {
        return new DocumentPart.Content(BlockKind.PARAGRAPH, text, page, List.of(), List.of());
    }

    private static String text(List<DocumentPart> parts) {
        StringBuilder all = new StringBuilder();
        for (DocumentPart part : parts) {
            all.append(((DocumentPart.Content) part).rawText()).append('\n');
        }
        return all.toString();
    }
}
