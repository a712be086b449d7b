package io.slideo.worker.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class BulletTextTest {
    private static final int LIMIT = 14;

    @Test
    void keepsAShortSentenceButItsFullStop() {
        assertEquals("Compiled traces are stored in a trace cache",
                BulletText.shorten("Compiled traces are stored in a trace cache.", LIMIT));
    }

    @Test
    void cutsALongSentenceAtTheLastClauseBoundaryThatFits() {
        String bullet = BulletText.shorten("Dynamic languages such as JavaScript, Python, and Ruby, are popular since they"
                + " are expressive, accessible to non-experts, and make deployment as easy as distributing a source file.", LIMIT);
        assertEquals("Dynamic languages such as JavaScript, Python, and Ruby, are popular since they are expressive", bullet);
    }

    @Test
    void dropsCitationsAsidesAndConnectiveOpeners() {
        assertEquals("The recorder emits native code for each hot loop",
                BulletText.shorten("However, the recorder (written in C++) emits native code for each hot loop [12, 14].", LIMIT));
    }

    @Test
    void keepsTheMainClauseAfterALeadingSubordinateClause() {
        assertEquals("We have implemented a trace-based dynamic compiler for the SpiderMonkey JavaScript Virtual Machine",
                BulletText.shorten("To demonstrate the effectiveness of our approach, we have implemented a trace-based"
                        + " dynamic compiler for the SpiderMonkey JavaScript Virtual Machine (4).", LIMIT));
    }

    @Test
    void dropsReferencesToFigures() {
        assertEquals("The example program computes the first 100 prime numbers with nested loops",
                BulletText.shorten("The example program, shown in Figure 1, computes the first 100 prime numbers with"
                        + " nested loops.", LIMIT));
    }

    @Test
    void aSentenceWithoutClausesIsCutAtTheLimitWithoutADanglingWord() {
        String bullet = BulletText.shorten("The worker reads every uploaded document with Apache Tika and keeps the"
                + " headings the pages the tables and the notes of the slides for the planner to use later", LIMIT);
        assertTrue(TextCleanup.wordCount(bullet) <= LIMIT, bullet);
        String last = bullet.substring(bullet.lastIndexOf(' ') + 1);
        assertFalse(Set.of("the", "and", "of", "for", "to", "with").contains(last), bullet);
        assertTrue(bullet.startsWith("The worker reads every uploaded document"), bullet);
    }

    @Test
    void startsWithACapitalLetter() {
        assertEquals("Traces are compiled lazily", BulletText.shorten("moreover, traces are compiled lazily.", LIMIT));
    }

    @Test
    void nothingReadableGivesAnEmptyBullet() {
        assertEquals("", BulletText.shorten("  [3] ", LIMIT));
    }
}
