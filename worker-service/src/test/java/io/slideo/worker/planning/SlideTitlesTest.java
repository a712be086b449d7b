package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlideTitlesTest {
    @Test
    void aHeadingBrokenOffMidLineLosesItsDanglingEnd() {
        assertEquals("Number of robots", SlideTitles.heading("Number of robots with"));
        assertEquals("Part A", SlideTitles.heading("Part A"));
    }

    @Test
    void numberedContinuationsAreTheSameHeading() {
        assertEquals("Why publishers need usage statistics", SlideTitles.base("Why publishers need usage statistics -1"));
        assertEquals("Why publishers need usage statistics", SlideTitles.base("Why publishers need usage statistics - 2"));
        assertEquals("Results", SlideTitles.base("Results (2/3)"));
        assertEquals("The COUNTER Code of Practice -Release 1", SlideTitles.base("The COUNTER Code of Practice -Release 1"));
    }

    @Test
    void aFormulaIsNeverATitle() {
        assertEquals("", SlideTitles.leadClause("The steering arms of all the Clusters Ci, i \u2208 Zj-1, where Zj-1 = 3."));
        assertEquals("", SlideTitles.leadClause("Control primitives, and the \uD835\uDC5B + 3 hysteresis states accessible."));
        assertEquals("Costs rose in every region", SlideTitles.leadClause("Costs rose in every region."));
    }

    @Test
    void theRestOfABrokenSentenceIsNeverATitle() {
        // What a PDF's line left of a sentence (paper-mems-microrobots.pdf): no title, whatever it says.
        assertEquals("", SlideTitles.leadClause("(USDA) that provides forward motion and a curved steering arm."));
        assertEquals("", SlideTitles.leadClause("motion, and a steering-arm actuator that determines the turn."));
    }

    @Test
    void aTableWithNothingElseToBeCalledIsNamedByItsHeader() {
        assertEquals("Number by month", SlideTitles.ofTable(List.of("MONTH", "NUMBER")));
        assertEquals("Sales and costs by region", SlideTitles.ofTable(List.of("Region", "Sales", "Costs")));
        assertEquals("GDP, exports and more by country", SlideTitles.ofTable(List.of("Country", "GDP", "Exports", "Imports")));
        assertEquals("", SlideTitles.ofTable(List.of("Region", "")));
    }
}
