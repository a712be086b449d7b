package io.slideo.slide.service.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.poi.common.usermodel.fonts.FontGroup;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Japanese and an Arabic deck, exported three ways: every character has a glyph in the font that
 * draws it (read back from the files, not from the renderer's word), and Arabic slides read right to left.
 */
class ScriptExportsTest {

    static Composition deck(String language) {
        List<SlideContent> slides = "ja".equals(language) ? SampleDecks.japanese() : SampleDecks.arabic();
        return DeckComposer.compose("ja".equals(language) ? "業績報告" : "تقرير الأداء", SampleDecks.DARK,
                List.of(SampleDecks.DOCUMENT), slides);
    }

    static Path samples() throws IOException {
        return Files.createDirectories(Path.of("target", "export-samples"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ja", "ar" })
    void thePdfDrawsEveryCharacterWithAnEmbeddedGlyph(String language) throws IOException {
        Composition deck = deck(language);
        byte[] pdf = PdfRenderer.render(deck);
        Files.write(samples().resolve("script-" + language + ".pdf"), pdf);

        List<String> pages = PdfGlyphs.check(pdf);

        assertEquals(deck.pages().size(), pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(PdfGlyphs.sorted(PdfGlyphs.expected(deck.pages().get(i))), PdfGlyphs.sorted(pages.get(i)),
                    "page " + (i + 1) + " shows every character of its slide and no other");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ja", "ar" })
    void everyPptxRunDeclaresTypefacesThatHaveItsCharacters(String language) throws IOException {
        Composition deck = deck(language);
        byte[] pptx = PptxRenderer.render(deck);
        Files.write(samples().resolve("script-" + language + ".pptx"), pptx);

        int checked = 0;
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            for (XSLFSlide slide : show.getSlides()) {
                slide.getShapes().stream().filter(shape -> shape instanceof XSLFTable).forEach(shape -> assertEquals(
                        "ar".equals(language), ((XSLFTable) shape).getCTTable().getTblPr().getRtl(), "table columns from the right"));
                for (XSLFTextParagraph paragraph : paragraphs(slide)) {
                    boolean arabic = paragraph.getText().codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
                    if (arabic) {
                        assertTrue(paragraph.getXmlObject().getPPr().getRtl(), "RTL paragraph: " + paragraph.getText());
                        assertEquals("r", paragraph.getXmlObject().getPPr().getAlgn().toString(), paragraph.getText());
                    }
                    for (XSLFTextRun run : paragraph.getTextRuns()) {
                        assertEquals(language, run.getRPr(false).getDomNode().getAttributes().getNamedItem("lang")
                                .getNodeValue(), "language tag of '" + run.getRawText() + "'");
                        for (int cp : Glyphs.visible(run.getRawText())) {
                            FontGroup group = FontGroup.getFontGroupFirst(Character.toString(cp));
                            String typeface = run.getFontFamily(group == FontGroup.SYMBOL ? FontGroup.LATIN : group);
                            assertTrue(Glyphs.typefaceHas(typeface, cp), Glyphs.hex(cp) + " in '" + run.getRawText()
                                    + "' is drawn with " + group + " typeface " + typeface + ", which lacks it");
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100, "characters checked: " + checked);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ja", "ar" })
    void theHtmlEmbedsAFontForEveryCharacterAndMarksArabicSlidesRightToLeft(String language) throws IOException {
        Composition deck = deck(language);
        String html = HtmlRenderer.document(deck);
        Files.writeString(samples().resolve("script-" + language + ".html"), html);

        Map<String, List<CmapLookup>> faces = HtmlFonts.faces(html);
        int checked = 0;
        for (HtmlFonts.Frame frame : HtmlFonts.frames(html)) {
            for (int cp : Glyphs.visible(frame.text())) {
                boolean covered = frame.families().stream().flatMap(f -> faces.getOrDefault(f, List.of()).stream())
                        .anyMatch(cmap -> cmap.getGlyphId(cp) > 0);
                assertTrue(covered, Glyphs.hex(cp) + " has no embedded glyph in " + frame.families());
                checked++;
            }
        }
        assertTrue(checked > 100, "characters checked: " + checked);
        int sections = html.split("<section ", -1).length - 1;
        int rtl = html.split("<section [^>]*dir=\"rtl\"", -1).length - 1;
        assertEquals("ar".equals(language) ? sections : 0, rtl, "slides marked right to left");
        assertTrue(html.length() < 3_000_000, "subset fonts, not whole CJK files: " + html.length() + " chars");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ja", "ar" })
    void theFooterCitesInTheDecksLanguage(String language) {
        Composition deck = deck(language);
        List<String> footers = new ArrayList<>();
        deck.pages().forEach(p -> p.shapes().stream().filter(s -> "sources".equals(s.role()))
                .forEach(s -> footers.addAll(((Composition.Text) s).paragraphs())));

        assertEquals(language, deck.language());
        if ("ja".equals(language)) {
            assertTrue(footers.contains("出典： 資料1、3、4、5ページ、§ 3.2 リスク, ¶ 4"), footers.toString());
        } else {
            assertTrue(footers.contains("المصادر: المستند 1، ص. 3، 4، 5"), footers.toString());
        }
        assertFalse(footers.stream().anyMatch(f -> f.contains("Source") || f.contains("document")), footers.toString());
    }

    private static List<XSLFTextParagraph> paragraphs(XSLFSlide slide) {
        List<XSLFTextParagraph> out = new ArrayList<>();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape text) {
                out.addAll(text.getTextParagraphs());
            } else if (shape instanceof XSLFTable table) {
                for (XSLFTableRow row : table.getRows()) {
                    row.getCells().forEach(c -> out.addAll(c.getTextParagraphs()));
                }
            }
        }
        return out;
    }
}
