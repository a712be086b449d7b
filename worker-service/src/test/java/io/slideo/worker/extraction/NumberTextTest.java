package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void aDoublesBinaryNoiseAndTrailingZeroAreDropped() {
        assertEquals("0.6 5 1234.5 -3 1000000", NumberText.humane("0.60000000000000009 5.0 1234.5 -3.0 1.0E6"));
    }

    @Test
    void datesVersionsAndPlainNumbersAreLeftAlone() {
        assertEquals("5.2.2013 v1.2.3 42 60 %", NumberText.humane("5.2.2013 v1.2.3 42 60 %"));
    }
}
