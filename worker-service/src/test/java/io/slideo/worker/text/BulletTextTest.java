package io.slideo.worker.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BulletTextTest {
    private static final int LIMIT = 14;

    @Test
    void keepsAShortSentenceButItsFullStop() {
        assertEquals("Compiled traces are stored in a trace cache",
                BulletText.shorten("Compiled traces are stored in a trace cache.", LIMIT));
    }

    @Test
    void dropsAnArabicListItemsSemicolonAndATrailingRunOfDots() {
        // un-report-arabic-rtl.docx and talk-counter-code-of-practice.ppt: a list item ending "؛", a line ending "………".
        assertEquals("\u0631\u0635\u062f \u0627\u0644\u062a\u0646\u0641\u064a\u0630",
                BulletText.shorten("\u0631\u0635\u062f \u0627\u0644\u062a\u0646\u0641\u064a\u0630\u061b", LIMIT));
        assertEquals("An organisation with cross community support",
                BulletText.asBullet("An organisation with cross community support\u2026\u2026\u2026", LIMIT));
    }

    @Test
    void givesUpALongSentenceWithNothingToDropInsteadOfCuttingIt() {
        assertEquals("", BulletText.shorten("Dynamic languages such as JavaScript, Python, and Ruby, are popular since they"
                + " are expressive, accessible to non-experts, and make deployment as easy as distributing a source file.", LIMIT));
    }

    @Test
    void keepsASentenceALittleOverTheLimitWhole() {
        String sentence = "The worker reads every uploaded document with Apache Tika and keeps the headings of each page";
        assertEquals(16, TextCleanup.wordCount(sentence));
        assertEquals(sentence, BulletText.shorten(sentence + ".", LIMIT));
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
    void neverKeepsOneHalfOfAnAlternative() {
        String rule = "Not more than 1.8 grams of codeine per 100 milliliters or not more than 90 milligrams per dosage"
                + " unit may be sold without a prescription.";
        String bullet = BulletText.shorten(rule, LIMIT);
        assertTrue(bullet.isEmpty() || bullet.contains("1.8 grams") && bullet.contains("90 milligrams"), bullet);
        assertEquals(rule.substring(0, rule.length() - 1), BulletText.shorten(rule, 24));
    }

    @Test
    void neverDropsAConditionOrANegation() {
        String bullet = BulletText.shorten("If the deposit is late, the employer owes a penalty of a tenth of the unpaid"
                + " tax for each month it stays unpaid.", LIMIT);
        assertTrue(bullet.isEmpty() || bullet.startsWith("If the deposit is late"), bullet);
        assertEquals("Parents may not be charged for the meetings",
                BulletText.shorten("Parents may not be charged for the meetings, which the school must hold each term.", LIMIT));
        String unless = BulletText.shorten("The employer deposits the withheld tax every month, unless the total for the"
                + " quarter stays under the small threshold the agency sets.", LIMIT);
        assertTrue(unless.isEmpty() || unless.contains("unless"), unless);
    }

    @Test
    void dropsTrailingWhichClausesAppositivesAndLeadingTimeClausesToFit() {
        assertEquals("The trace cache grows with every loop the recorder compiles during warm-up",
                BulletText.shorten("The trace cache grows with every loop the recorder compiles during warm-up, which"
                        + " makes memory use hard to predict on small devices.", LIMIT));
        assertEquals("TraceMonkey records the hot loops of each script and compiles them to native code",
                BulletText.shorten("TraceMonkey, the tracing compiler of the Firefox browser, records the hot loops of"
                        + " each script and compiles them to native code.", LIMIT));
        assertEquals("The interpreter records the instructions it runs into a trace for the compiler",
                BulletText.shorten("When a loop becomes hot after many iterations, the interpreter records the"
                        + " instructions it runs into a trace for the compiler.", LIMIT));
    }

    @Test
    void aSentenceThatEndsOpenIsNotABullet() {
        assertEquals("", BulletText.shorten("To get involved, visit:", LIMIT));
        assertEquals("", BulletText.shorten("The following options control the output:", LIMIT));
    }

    @Test
    void tellsABulletThatStopsMidClause() {
        for (String cut : new String[] { "In almost all cases, I'm opposed to", "The statute makes it a crime to conceal"
                + " Weapons of", "Not more than 1.8 grams of codeine per 100 milliliters or", "To get involved, visit:",
            "The report (see the annex", "Costs rose sharply,", "He called it \u201cthe network" }) {
            assertTrue(BulletText.endsMidClause(cut), cut);
        }
        for (String whole : new String[] { "Compiled traces are stored in a trace cache", "Costs rose (sharply)",
            "Parents are welcome", "Traces are recorded.", "Funds go to Part A" }) {
            assertFalse(BulletText.endsMidClause(whole), whole);
        }
    }

    @Test
    void aLongTitleLosesItsSubtitleAndAsidesButIsNeverCut() {
        assertEquals("Rethinking the Financial Network", BulletText.asWritten("Rethinking the Financial Network: a speech"
                + " at the Financial Student Association in Amsterdam, April 2009", 8));
        assertEquals("Parental Involvement", BulletText.asWritten("Parental Involvement (Title I, Part A)", 3));
        String guidance = "Guidance for schools and districts on involving the parents of every pupil";
        assertEquals(guidance, BulletText.asWritten(guidance, 6));
        assertEquals("Second paragraph", BulletText.asWritten("Second paragraph.", 6));
    }

    @Test
    void dropsANumberedCitationThatOpensTheSentence() {
        assertEquals("We would expect loop counters that start as integers to remain integers",
                BulletText.shorten("(12) For example, we would expect loop counters that start as integers to remain integers.", LIMIT));
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
