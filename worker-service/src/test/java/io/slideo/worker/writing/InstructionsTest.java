package io.slideo.worker.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.SlideLayout;

class InstructionsTest {

    @Test
    void wordsOfARewriteRequestBecomeSettings() {
        assertTrue(Instructions.parse("Make it shorter").shorter());
        assertTrue(Instructions.parse("more detail please").moreDetail());
        assertEquals(SlideLayout.TWO_COLUMNS, Instructions.parse("two columns").layout());
        assertEquals(SlideLayout.TABLE, Instructions.parse("show it as a table").layout());
        Instructions nothing = Instructions.parse("in purple");
        assertFalse(nothing.shorter() || nothing.moreDetail());
        assertNull(nothing.layout());
        assertEquals(Instructions.NONE, Instructions.parse(null));
    }
}
