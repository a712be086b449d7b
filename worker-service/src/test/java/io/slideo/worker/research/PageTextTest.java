package io.slideo.worker.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void keepsOnlyTheTextOfAPageWithoutScriptsStylesNavigationOrMarkup() {
        String text = PageText.of("<html><head><style>p{color:red}</style><script>steal()</script></head><body>"
                + "<nav>Home | About</nav><p onclick=\"x()\">Growth was <b>12%</b> &amp; rising.</p>"
                + "<img src=x onerror=alert(1)><p>Second paragraph.</p></body></html>", 1000);
        assertEquals("Growth was 12% & rising. Second paragraph.", text);
    }

    @Test
    void aLongPageIsKeptToWholeSentences() {
        String text = PageText.of("<p>One sentence here. Two sentences here. Three sentences here.</p>", 45);
        assertEquals("One sentence here. Two sentences here.", text);
        assertFalse(text.contains("Three"));
    }

    @Test
    void plainTextLosesAnyMarkup() {
        assertTrue(PageText.plain("Finding <b>1</b><script>x()</script>", 100).equals("Finding 1"));
    }
}
