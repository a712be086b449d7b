package io.slideo.runtime.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuotaSizesTest {

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertEquals("900 bytes", QuotaRefusals.bytes(900));
        assertEquals("9.9 KiB", QuotaRefusals.bytes(10_174));
        assertEquals("24.4 KiB", QuotaRefusals.bytes(25_000));
        assertEquals("180 MiB", QuotaRefusals.bytes(180L << 20));
        assertEquals("1.9 GiB", QuotaRefusals.bytes(2_040_000_000L));
        assertEquals("2 GiB", QuotaRefusals.bytes(2L << 30));
    }
}
