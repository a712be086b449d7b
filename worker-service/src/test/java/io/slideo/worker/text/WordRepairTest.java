package io.slideo.worker.text;

import io.slideo.worker.CorpusDocuments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordRepairTest {

    @Test
    void rejoinsASplitWordTheDocumentWritesWhole() {
        WordRepair repair = WordRepair.of(List.of("A chemical reaction.", "Chemical bonds hold.", "The document is long.", "Each document has a title.",
                "The chem-ical bond in the docu ment is a well-known one."));
        assertEquals("The chemical bond in the document is a well-known one.",
                repair.repair("The chem-ical bond in the docu ment is a well-known one."));
    }

    @Test
    void keepsHyphensAndSpacesTheDocumentMeans() {
        WordRepair repair = WordRepair.of(List.of("An e-mail and another e-mail, one email.", "It fell apart.",
                "A part of it is in to the box.", "Go into the room."));
        assertEquals("An e-mail arrived", repair.repair("An e-mail arrived"));
        assertEquals("A part of it is in to the box", repair.repair("A part of it is in to the box"));
        assertEquals("Nothing to do", WordRepair.of(List.of()).repair("Nothing to do"));
    }

    @Test
    void theTaxManualsWordsSplitBySpacesAreWholeAgain() {
        List<String> texts = CorpusDocuments.texts(CorpusDocuments.extract("manual-irs-publication-15.pdf"));
        WordRepair repair = WordRepair.of(texts);
        List<String> split = texts.stream().filter(t -> t.contains("elec tronic") || t.contains("employ ees")
                || t.contains("require ment")).toList();
        assertFalse(split.isEmpty(), "the manual has words split by a space");
        for (String text : split) {
            String repaired = repair.repair(text);
            assertFalse(repaired.contains("elec tronic") || repaired.contains("employ ees") || repaired.contains("require ment"),
                    repaired);
        }
        assertTrue(texts.stream().map(repair::repair).anyMatch(t -> t.contains("self-employment")),
                "a hyphenated word the manual never writes whole keeps its hyphen");
    }
}
