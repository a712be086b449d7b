package io.slideo.worker.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseExtractorTest {

    @Test
    void phrasesAreRunsOfContentWordsWithPluralsFolded() {
        List<String> keys = new PhraseExtractor("en")
                .phrases("TraceMonkey records trace trees for the hot loops of a program, and compiles them.")
                .stream().map(PhraseExtractor.Candidate::key).toList();

        assertTrue(keys.contains("tracemonkey record trace tree") || keys.contains("tracemonkey record"), keys.toString());
        assertTrue(keys.contains("hot loop"), keys.toString());
        assertTrue(keys.contains("program"), keys.toString());
        assertFalse(keys.contains("the"), keys.toString());
    }

    @Test
    void stopWordsFollowTheDocumentsLanguage() {
        List<String> keys = new PhraseExtractor("de")
                .phrases("Die Energieeffizienz der Geräte ist für das Ökodesign wichtig.")
                .stream().map(PhraseExtractor.Candidate::key).toList();

        assertTrue(keys.contains("energieeffizienz"), keys.toString());
        assertTrue(keys.contains("geräte"), keys.toString());
        assertFalse(keys.stream().anyMatch(k -> k.startsWith("die ") || k.equals("für")), keys.toString());
    }

    @Test
    void numbersAndShortWordsAreNotPhrases() {
        List<String> keys = new PhraseExtractor("en").phrases("In 2024 we saw 12 % growth, up 3x.")
                .stream().map(PhraseExtractor.Candidate::key).toList();
        assertTrue(keys.contains("saw") || keys.contains("growth"), keys.toString());
        assertFalse(keys.contains("2024"), keys.toString());
    }
}
