package io.slideo.worker.text;

import io.slideo.worker.CorpusDocuments;
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

    @Test
    void aCapitalThatNamesAPartEndsASentenceButAnInitialDoesNot() {
        assertEquals(List.of("Schools receive funds under Title I.", "The district must consult parents.",
                "Funds go to Part A.", "Each school keeps J. R. Smith informed."),
                Sentences.split("Schools receive funds under Title I. The district must consult parents. Funds go to Part A."
                        + " Each school keeps J. R. Smith informed."));
    }

    @Test
    void splitsJapaneseWrittenWithoutSpaces() {
        assertEquals(List.of("これはペンです。", "あれは本です！",
                "それは何ですか？"),
                Sentences.split("これはペンです。あれは本です！"
                        + "それは何ですか？", "ja"));
    }

    @Test
    void splitsArabicAtItsQuestionMark() {
        assertEquals(2, Sentences.split("هل هذا صحيح؟"
                + " نعم هذا صحيح.", "ar").size());
    }

    @Test
    void doesNotSplitAtDecimalsOrAbbreviationsOfEachLanguage() {
        assertEquals(List.of("The dose rose from 3.5 mg to 4 mg, e.g. in adults (see Fig. 2 and Eq. 3).",
                "Children need less."),
                Sentences.split("The dose rose from 3.5 mg to 4 mg, e.g. in adults (see Fig. 2 and Eq. 3). Children need less."));
        assertEquals(List.of("Viele Geräte, z.B. Drucker, verbrauchen Strom im Standby.", "Das kostet Geld."),
                Sentences.split("Viele Geräte, z.B. Drucker, verbrauchen Strom im Standby. Das kostet Geld.", "de"));
        assertEquals(List.of("Smith et al. Found the same.", "Dr. Jones did not."),
                Sentences.split("Smith et al. Found the same. Dr. Jones did not."));
    }

    @Test
    void codeIsNotMeaningful() {
        for (String code : List.of("Public static Bar create{", "public static void main(String[] args)",
                "const total = items.map(item => item.price);", "return buildRequest(options);",
                "Call getDocument() and then render the firstPage with renderTextLayer", "$ npx gulp generic-legacy",
                "set max_connections and shared_buffers in postgresql_conf")) {
            assertFalse(Sentences.isMeaningful(code), code);
        }
    }

    @Test
    void markupAndParserArtefactsAreNotMeaningful() {
        for (String markup : List.of("**Note:** the cache is cleared when the server restarts",
                "This will generate `pdf.js` in the build directory", "# Getting the code of the project",
                "[Frequently Asked Questions](https://github.com/mozilla/pdf.js/wiki) answer most of them",
                "The viewer is <b>built</b> with HTML5 and JavaScript", "The state must protect children [footnoteRef:117]",
                "HYPERLINK \"http://www.ed.gov\" Visit the department on the web",
                "TOC \\o \"1-3\" \\h \\z \\u Contents of the guidance")) {
            assertFalse(Sentences.isMeaningful(markup), markup);
        }
    }

    @Test
    void fragmentsAreNotMeaningfulButShortPointsAre() {
        assertFalse(Sentences.isMeaningful("Breast cancer statistics", 3));
        assertFalse(Sentences.isMeaningful("In 2019 rates were 12.5 13.1 14.0 15.2 16.9 17.3", 3));
        assertFalse(Sentences.isMeaningful("[Section 1116(b)(6), 7(E), and 8(C), ESEA, and 34 CFR 200.37(5).]"));
        assertFalse(Sentences.isMeaningful("REQUIRED SCHOOL-PARENT COMPACT PROVISIONS"));
        assertFalse(Sentences.isMeaningful("Kornelia Junge, Wiley, USA, Kirsty Meddings, Ingenta"));
        assertFalse(Sentences.isMeaningful("Probability of counterparties defaulting 1 2 10 50"));
        assertTrue(Sentences.isMeaningful("See the separate instructions for Forms 940, 941, 943, 944, 945, or CT-1."));
        assertTrue(Sentences.isMeaningful("Costs rose sharply", 3));
        assertTrue(Sentences.isMeaningful("Parents are partners", 3));
        assertTrue(Sentences.isMeaningful("In 2019, 1,234 people were treated at the clinic."));
        assertTrue(Sentences.isMeaningful("Employers must deposit the tax (Form 941) by the 15th day of the month."));
    }

    @Test
    void aJapaneseSentenceHasAsManyWordsAsItSays() {
        assertTrue(Sentences.isMeaningful("複数の文字を使って文を書きます。"));
    }

    @Test
    void theMarkdownReadmeGivesNoCodeOrMarkupAsPassages() {
        List<Passage> passages = Passage.of(CorpusDocuments.extract("readme-pdfjs.md"));
        assertTrue(passages.size() > 10, passages.size() + " passages");
        for (Passage passage : passages) {
            assertFalse(passage.text().matches(".*(`|\\*\\*|\\]\\(|^\\$ |^#|\\|).*"), passage.text());
        }
        assertTrue(passages.stream().anyMatch(p -> p.text().startsWith("PDF.js is a Portable Document Format")),
                "the link in the first sentence becomes its words");
    }

    @Test
    void theArabicReportKeepsNoFootnoteMarkers() {
        List<Passage> passages = Passage.of(CorpusDocuments.extract("un-report-arabic-rtl.docx"));
        assertTrue(passages.size() > 20, passages.size() + " passages");
        passages.forEach(p -> assertFalse(p.text().contains("footnote"), p.text()));
    }
}
