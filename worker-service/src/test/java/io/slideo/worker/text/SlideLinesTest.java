package io.slideo.worker.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;

class SlideLinesTest {
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    @Test
    void aSlidesShortLinesAreOnePassageListedWithCommas() {
        Section monitoring = new Section("Purposes of Monitoring", 1, 11, 11, List.of(line("Observation", 11),
                line("Extrapolation", 11), new Block(BlockKind.NOTE, "Observation -- Is everything allright?", 11, List.of(), List.of()),
                line("Signals/Alerts", 11), line("Testing", 11)));
        List<Passage> passages = Passage.of(document(PPTX, monitoring));
        assertEquals(List.of("Observation, Extrapolation, Signals/Alerts, Testing"), passages.stream().map(Passage::text).toList());
        assertEquals(11, passages.get(0).page());
    }

    @Test
    void aSlideOfContactsOrReferencesAndAPagesShortLinesAreNoPassage() {
        Section contacts = new Section("Jade Maloney", 1, 27, 27, List.of(line("Senior Consultant", 27),
                line("Emily Verstege", 27), line("Senior Consultant", 27), line("Contact details", 27)));
        Section references = new Section("Slide 28", 1, 28, 28, List.of(line("Nutley et. al.", 28),
                line("Using Evidence", 28), line("Quinn Patton, M,.", 28), line("Utilisation focused evaluation", 28),
                line("References", 28)));
        assertEquals(List.of(), Passage.of(document(PPTX, contacts, references)));
        Section menu = new Section("Menu", 1, 1, 1, List.of(line("Home", 1), line("About us", 1), line("Contact", 1)));
        assertEquals(List.of(), Passage.of(document("text/html", menu)), "a web page's menu is no list of points");
    }

    private static Block line(String text, int page) {
        return Block.paragraph(text, page);
    }

    private static ExtractedDocument document(String mediaType, Section... sections) {
        return new ExtractedDocument("talk", "A talk", "en", mediaType, sections.length, 100, Map.of(), List.of(sections));
    }
}
