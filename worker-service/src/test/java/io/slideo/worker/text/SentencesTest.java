package io.slideo.worker.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsProseIntoSentences() {
        assertEquals(List.of("Traces are recorded.", "Are they fast?", "Yes!"),
                Sentences.split("Traces are\nrecorded. Are they fast? Yes!"));
    }

    @Test
    void doesNotSplitAtAbbreviationsOrInitials() {
        assertEquals(List.of("Gal et al. describe loops, e.g. nested ones, as trees.", "J. Smith agrees."),
                Sentences.split("Gal et al. describe loops, e.g. nested ones, as trees. J. Smith agrees."));
    }

    @Test
    void rejoinsWordsHyphenatedAtALineEnd() {
        assertEquals(List.of("Dynamic languages are difficult to compile."),
                Sentences.split("Dynamic languages are difficult to com-\npile."));
    }

    @Test
    void aMeaningfulSentenceHasWordsNotAddressesCaptionsOrNumbers() {
        assertTrue(Sentences.isMeaningful("Compiled traces are stored in a trace cache."));
        assertFalse(Sentences.isMeaningful("Figure 3. Trace tree of the example."));
        assertFalse(Sentences.isMeaningful("Contact {gal,brendan}@mozilla.com for copies."));
        assertFalse(Sentences.isMeaningful("See https://example.org/paper for details."));
        assertFalse(Sentences.isMeaningful("12.5 13.1 14.0 15.2 16.9"));
        assertFalse(Sentences.isMeaningful("Too short."));
    }
}
