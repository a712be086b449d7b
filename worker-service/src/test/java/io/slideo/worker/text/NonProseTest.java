package io.slideo.worker.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonProseTest {
    @Test
    void aRewriteRuleOrARegularExpressionIsCode() {
        assertTrue(NonProse.isCode("RewriteRule ^(.*)$ /cgi-bin/blosxom.cgi/$1 [L,QSA]"));
        assertTrue(NonProse.isCode("Match the lines with ^ERROR.*$ and count them"));
        assertTrue(NonProse.isCode("public static Bar create{"));
    }

    @Test
    void moneyAndPlainSentencesAreNotCode() {
        assertFalse(NonProse.isCode("The grant gives $5 million to 12 schools over 3 years."));
        assertFalse(NonProse.isCode("Tune the max_connections variable in my.cnf to the number of Apache children."));
        assertFalse(NonProse.isCode("Cases rose (from 12 to 40) in 2020."));
    }

    @Test
    void aHeadingPrintedTwiceIsAFragment() {
        // manual-irs-publication-15.pdf prints "Employer Responsibilities" in the margin and above the text.
        assertTrue(NonProse.isFragment("Employer Responsibilities Employer Responsibilities"));
        assertFalse(NonProse.isFragment("Employers withhold tax and employers report it."));
    }

    @Test
    void whereTheAuthorsWorkIsAFragment() {
        // paper-mems-microrobots.pdf, under its authors' names.
        assertTrue(NonProse.isFragment("1Department of Electrical and Computer Engineering University of Illinois, Chicago, USA"));
        assertTrue(NonProse.isFragment("Vahid Foroutan1*, Ratul Majumdar1 1Department of Electrical and Computer Engineering"));
        assertFalse(NonProse.isFragment("The University of Illinois funds the work."));
    }

    @Test
    void aLineThatGoesOnFromElsewhereIsAFragment() {
        assertTrue(NonProse.isFragment("\u2026 (Check your access log)"));
        assertTrue(NonProse.isFragment("...and then the server restarts"));
        assertFalse(NonProse.isFragment("Check your access log before you change anything."));
    }
}
