package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.graph.KnowledgeGraphBuilder;
import io.slideo.worker.text.TextCleanup;

/**
 * The offline outline of real corpus documents, judged as an editor would: titles are the
 * documents' own headings in reading order (or what a slide says), never key-phrase pairs, "Slide N"
 * or continuation chains; each table once; sources a reader can follow; a source deck's notes never
 * bullets; labels in the deck's language; the deck titled by what it is about.
 */
class DeckStructureCorpusTest {
    private static final WorkerConfig CONFIG = DefaultConfig.worker();
    private static final String REQUEST = "A briefing for a busy reader";
    // Two short phrases joined by a comma ("Trace, loop", "Man, old"): the labels of a phrase graph.
    private static final Pattern PHRASE_PAIR = Pattern.compile("^\\S+( \\S+){0,2}, \\S+( \\S+){0,2}$");
    private static final Pattern CONTINUATION = Pattern.compile("(?i).*(\\((continued|cont\\.?|\\d+)\\)|^slide \\d+)$");

    @Test
    void aPapersSlidesAreTitledByItsHeadingsInReadingOrder() throws Exception {
        ExtractedDocument paper = extracted("paper-tracemonkey.pdf");
        List<PlannedSlide> content = content(outline(paper, 10));

        List<String> headings = paper.sections().stream().filter(s -> s.level() > 0).map(Section::title)
                .map(SlideTitles::heading).toList();
        assertEquals(7, content.size());
        int last = -1;
        for (PlannedSlide slide : content) {
            int at = headings.indexOf(slide.title());
            assertTrue(at >= 0, "a heading of the paper: " + slide.title() + " (headings: " + headings + ")");
            assertTrue(at > last, "in reading order: " + slide.title());
            last = at;
        }
    }

    @Test
    void noTitleIsAKeyPhrasePairASlideNumberOrAContinuation() throws Exception {
        for (String file : List.of("license-apache-2.0.txt", "talk-apache-performance-tuning.pptx",
                "novel-the-inheritors.epub", "webpage-vacation-rental.html")) {
            ExtractedDocument document = extracted(file);
            Set<String> headings = new HashSet<>();
            document.sections().forEach(s -> headings.add(SlideTitles.heading(s.title() == null ? "" : s.title())));
            for (PlannedSlide slide : outline(document, 10).slides()) {
                String title = slide.title();
                assertFalse(PHRASE_PAIR.matcher(title).matches() && !headings.contains(title),
                        file + ": a key-phrase pair: " + title);
                assertFalse(CONTINUATION.matcher(title).matches(), file + ": " + title);
            }
        }
    }

    @Test
    void aHeadingThePdfPrintedTwiceNeverOpensAPoint() throws Exception {
        // manual-irs-publication-15.pdf prints "Employer Responsibilities" in the margin and again over its list.
        Pattern saidTwice = Pattern.compile("(?iu)^(\\p{L}.{2,}?) \\1\\b.*");
        for (PlannedSlide slide : outline(extracted("manual-irs-publication-15.pdf"), 10).slides()) {
            for (String point : slide.keyPoints()) {
                assertFalse(saidTwice.matcher(point).matches(), slide.title() + ": " + point);
            }
        }
    }

    @Test
    void aPapersSlidesAreTitledByItsSectionsNeverByItsAuthorsOrALineFragment() throws Exception {
        ExtractedDocument paper = extracted("paper-mems-microrobots.pdf");
        List<String> headings = paper.sections().stream().filter(s -> s.level() > 0).map(Section::title)
                .map(SlideTitles::heading).toList();
        List<PlannedSlide> content = content(outline(paper, 10));
        long headed = content.stream().filter(s -> headings.contains(s.title())).count();
        assertTrue(headed * 10 >= content.size() * 9, headed + " of " + content.size() + " titles are headings: " + content);
        for (PlannedSlide slide : content) {
            assertFalse(slide.title().matches("(?i).*\\b(department|university|institute)\\b.*"), "an affiliation: " + slide.title());
            assertFalse(slide.title().startsWith("(") || io.slideo.worker.text.BulletText.endsMidClause(slide.title()),
                    "a fragment: " + slide.title());
        }
    }

    @Test
    void aShortDocumentOfListsATableAndAFootnoteIsADeckOfItsPointsNotATitleAlone() throws Exception {
        // sample-lists-table-footnotes.docx (Tika's testWORD_various): no title, no heading, a page of samples.
        OutlineDrafter.Outline outline = outline(extracted("sample-lists-table-footnotes.docx"), 10);
        List<PlannedSlide> content = content(outline);

        assertFalse(outline.title().contains("Footnote"), "a footnoted line is no deck title: " + outline.title());
        assertTrue(content.size() >= 3, outline.slides().toString());
        assertTrue(content.stream().anyMatch(s -> s.layout() == SlideLayout.TABLE), "its table is shown: " + content);
        List<String> points = content.stream().flatMap(s -> s.keyPoints().stream()).toList();
        assertTrue(points.stream().anyMatch(p -> p.contains("Bullet 1, Bullet 2, Bullet 3")), "its list: " + points);
        assertTrue(points.contains("This is a hyperlink"), "a sentence about a hyperlink is a sentence: " + points);
    }

    @Test
    void aNovelsChapterNumeralIsFollowedByWhatTheChapterIsAbout() throws Exception {
        // novel-the-inheritors.epub heads its chapters "IV", "VI", "IX".
        List<PlannedSlide> content = content(outline(extracted("novel-the-inheritors.epub"), 10));
        assertTrue(content.stream().anyMatch(s -> s.title().matches("[IVXLC]+ \u00b7 \\S.*")), content.toString());
        for (PlannedSlide slide : content) {
            assertFalse(SlideTitles.bareNumber(slide.title()), "a numeral alone: " + slide.title());
        }
    }

    @Test
    void aDeckIsTitledByTheDocumentNotByTheRequest() throws Exception {
        ExtractedDocument paper = extracted("paper-tracemonkey.pdf");
        OutlineDrafter.Outline outline = outline(paper, 10);
        assertFalse(outline.title().equalsIgnoreCase(REQUEST), outline.title());
        assertTrue(outline.title().startsWith("Trace-based Just-in-Time Type Specialization"), outline.title());
    }

    @Test
    void eachTableIsShownOnceInADeck() throws Exception {
        for (String file : List.of("workbook-kyc-file-structure.xlsx", "factsheet-cancer-statistics-tables.docx")) {
            Set<SourceRef> shown = new HashSet<>();
            for (PlannedSlide slide : outline(extracted(file), 10).slides()) {
                if (slide.layout() == SlideLayout.TABLE || slide.layout() == SlideLayout.CHART) {
                    assertTrue(shown.add(slide.sources().get(0)), file + ": the table at " + slide.sources().get(0)
                            + " is shown twice");
                }
            }
        }
    }

    @Test
    void theFactsheetsYearlyRatesAreChartSlidesAndTheKycFieldListsStayTables() throws Exception {
        List<PlannedSlide> factsheet = outline(extracted("factsheet-cancer-statistics-tables.docx"), 10).slides();
        assertTrue(factsheet.stream().anyMatch(s -> s.layout() == SlideLayout.CHART), factsheet.toString());
        List<PlannedSlide> kyc = outline(extracted("workbook-kyc-file-structure.xlsx"), 10).slides();
        assertTrue(kyc.stream().anyMatch(s -> s.layout() == SlideLayout.TABLE), kyc.toString());
        assertTrue(kyc.stream().noneMatch(s -> s.layout() == SlideLayout.CHART), kyc.toString());
    }

    @Test
    void aDocumentWithoutPagesIsCitedByHeadingAndParagraph() throws Exception {
        List<PlannedSlide> content = content(outline(extracted("guidance-parental-involvement.doc"), 10));
        assertFalse(content.isEmpty());
        for (PlannedSlide slide : content) {
            for (SourceRef source : slide.sources()) {
                assertNotNull(source.location(), slide.title() + " cites " + source);
                assertTrue(source.citation().matches("(\u00a7 .+, )?\u00b6 \\d+"), source.citation());
            }
        }
    }

    @Test
    void aSourceDecksSpeakerNotesAreNeverBullets() throws Exception {
        ExtractedDocument talk = extracted("talk-evaluation-communication-notes.pptx");
        Set<String> notes = new HashSet<>();
        talk.sections().forEach(s -> s.blocks().stream().filter(b -> b.kind() == BlockKind.NOTE)
                .map(Block::text).forEach(t -> notes.add(TextCleanup.normalize(t).toLowerCase(Locale.ROOT))));
        assertFalse(notes.isEmpty(), "the talk has speaker notes");
        for (PlannedSlide slide : content(outline(talk, 10))) {
            for (String point : slide.keyPoints()) {
                String key = TextCleanup.normalize(point).toLowerCase(Locale.ROOT);
                assertFalse(notes.stream().anyMatch(n -> n.contains(key) && !bodyContains(talk, key)),
                        "a presenter's note as a bullet: " + point);
            }
        }
    }

    @Test
    void aGermanDeckHasNoEnglishLabels() throws Exception {
        List<String> titles = outline(extracted("lecture-ecodesign-german.pptx"), 10).slides().stream()
                .map(PlannedSlide::title).toList();
        assertTrue(titles.contains("Das Wichtigste"), titles.toString());
        for (String english : List.of("Key takeaways", "Overview", "Introduction")) {
            assertFalse(titles.contains(english), english + " in " + titles);
        }
    }

    @Test
    void aBooksSlidesFollowItsChaptersInOrder() throws Exception {
        ExtractedDocument book = extracted("book-free-culture-lessig.pdf");
        List<PlannedSlide> content = content(outline(book, 12));
        assertEquals(9, content.size());
        int lastPage = 0;
        for (PlannedSlide slide : content) {
            int first = slide.sources().stream().mapToInt(SourceRef::page).min().orElseThrow();
            assertTrue(first >= lastPage, slide.title() + " starts on page " + first + ", before " + lastPage);
            lastPage = slide.sources().stream().mapToInt(SourceRef::page).max().orElseThrow();
        }
    }

    @Test
    void aShortArticleWithoutHeadingsMakesAtLeastThreeContentSlides() {
        String article = "Solar panels on schools cut the districts' power bills by a fifth last year. "
                + "The savings paid for two new science teachers in the first district. "
                + "Teachers now use the panels' live output in maths lessons. "
                + "Pupils compare the output on sunny and cloudy days. "
                + "The districts plan to add batteries so the schools can run through a blackout. "
                + "A battery pack for one school costs about as much as one year of savings. "
                + "Parents asked whether the roofs can carry the extra weight. "
                + "An engineer checked every roof before the panels went up. "
                + "Two older roofs were strengthened at the state's expense. "
                + "Other districts have asked to visit the schools this spring.";
        ExtractedDocument document = new ExtractedDocument("short", "Sun on the roof", "en", "text/plain", 1,
                article.length(), Map.of(), List.of(new Section(null, 0, 1, 1, List.of(Block.paragraph(article, 1)))));
        List<PlannedSlide> content = content(new OutlineDrafter(CONFIG.outline().keyPointsPerSlide(),
                CONFIG.outline().maxBulletWords()).draft(REQUEST, 10, List.of(document)));
        assertTrue(content.size() >= 3, content.toString());
        content.forEach(s -> assertTrue(s.keyPoints().size() >= 2, s.toString()));
    }

    @Test
    void aShortJapaneseArticleMakesAtLeastThreeContentSlidesWithJapaneseLabels() {
        String article = "東京都は来年から全ての公立小学校の屋上に太陽光パネルを設置する計画を発表した。計画の費用はおよそ百億円と見込まれている。"
                + "都の担当者によると、電気代は年間で二割ほど下がる見通しだ。浮いた費用は理科の教員を増やすために使われる。"
                + "子どもたちは授業でパネルの発電量を毎日記録することになる。晴れの日と曇りの日の違いを比べる授業も計画されている。"
                + "一方で、古い校舎の屋根が重さに耐えられるかを心配する声もある。都は設置の前に全ての屋根を専門家に点検させると説明した。"
                + "点検で問題が見つかった屋根は、都の負担で補強される予定だ。ほかの自治体からも視察の申し込みが相次いでいる。";
        ExtractedDocument document = new ExtractedDocument("ja", "屋上の太陽光", "ja", "text/plain", 1, article.length(),
                Map.of(), List.of(new Section(null, 0, 1, 1, List.of(Block.paragraph(article, 1)))));
        OutlineDrafter.Outline outline = new OutlineDrafter(CONFIG.outline().keyPointsPerSlide(),
                CONFIG.outline().maxBulletWords()).draft(REQUEST, 10, List.of(document));
        List<PlannedSlide> content = content(outline);
        assertTrue(content.size() >= 3, outline.slides().toString());
        assertEquals("屋上の太陽光", outline.title());
        assertTrue(outline.slides().stream().anyMatch(s -> s.title().equals("アジェンダ")), outline.slides().toString());
        content.forEach(s -> assertTrue(s.keyPoints().size() >= 2, s.toString()));
    }

    private static boolean bodyContains(ExtractedDocument document, String key) {
        return document.sections().stream().flatMap(s -> s.blocks().stream()).filter(b -> b.kind() != BlockKind.NOTE)
                .anyMatch(b -> TextCleanup.normalize(b.text()).toLowerCase(Locale.ROOT).contains(key));
    }

    private static List<PlannedSlide> content(OutlineDrafter.Outline outline) {
        List<PlannedSlide> content = new ArrayList<>();
        outline.slides().stream().filter(s -> s.layout() != SlideLayout.TITLE && s.layout() != SlideLayout.AGENDA
                && s.layout() != SlideLayout.CLOSING).forEach(content::add);
        return content;
    }

    private static OutlineDrafter.Outline outline(ExtractedDocument document, int slides) {
        return new OutlineDrafter(CONFIG.outline().keyPointsPerSlide(), CONFIG.outline().maxBulletWords())
                .draft(REQUEST, slides, List.of(document),
                        Map.of(document.documentId(), new KnowledgeGraphBuilder(CONFIG).build(document)));
    }

    private static ExtractedDocument extracted(String file) {
        return CorpusDocuments.extract(file);
    }
}
