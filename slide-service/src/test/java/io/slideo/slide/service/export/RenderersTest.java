package io.slideo.slide.service.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.slideo.model.deck.SlideLayout;
import io.slideo.model.theme.Theme;

/** The three exports of one composition: what a user opens must be what the quality gate measured. */
class RenderersTest {

    private static Theme theme(String id) {
        return switch (id) {
            case "paper" -> SampleDecks.PAPER;
            case "terminal" -> SampleDecks.TERMINAL;
            default -> SampleDecks.DARK;
        };
    }

    private static Composition deck(Theme theme) {
        return DeckComposer.compose("TraceMonkey briefing", theme, List.of(SampleDecks.DOCUMENT), SampleDecks.everyLayout());
    }

    @ParameterizedTest
    @ValueSource(strings = { "paper", "terminal", "slideo-dark" })
    void thePptxHasEverySlideWithTitleNotesThemeFontsAndNoOverflowingFrame(String themeId) throws IOException {
        Theme theme = theme(themeId);
        byte[] pptx = PptxRenderer.render(deck(theme));
        Files.write(Files.createDirectories(Path.of("target", "export-samples")).resolve(themeId + ".pptx"), pptx);

        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            assertEquals(960, show.getPageSize().width);
            assertEquals(540, show.getPageSize().height);
            List<XSLFSlide> slides = show.getSlides();
            assertEquals(8, slides.size());
            List<String> titles = slides.stream().map(XSLFSlide::getTitle).toList();
            assertEquals(SampleDecks.everyLayout().stream().map(SlideContent::title).toList(), titles);
            XSLFNotes notes = slides.get(3).getNotes();
            assertTrue(notes != null && java.util.Arrays.stream(notes.getPlaceholders())
                    .anyMatch(p -> p.getTextType() == Placeholder.BODY && p.getText().contains("step by step")),
                    "speaker notes on the notes page");
            Set<String> families = new HashSet<>();
            List<String> texts = new ArrayList<>();
            boolean table = false;
            for (XSLFSlide slide : slides) {
                for (XSLFShape shape : slide.getShapes()) {
                    table |= shape instanceof XSLFTable;
                    if (shape instanceof XSLFTextShape text) {
                        texts.add(text.getText());
                        for (XSLFTextParagraph p : text.getTextParagraphs()) {
                            for (XSLFTextRun run : p.getTextRuns()) {
                                families.add(run.getFontFamily());
                            }
                        }
                    }
                }
            }
            assertTrue(table, "the table slide has a real table");
            assertTrue(families.contains(theme.headingFont()) && families.contains(theme.bodyFont()), families.toString());
            assertTrue(texts.contains("5"), "slide numbers");
            assertTrue(texts.stream().anyMatch(t -> t.equals("Source: document 1, p. 3")), texts.toString());
            assertTrue(slides.get(3).getShapes().stream().filter(s -> s instanceof XSLFTextShape)
                    .map(s -> (XSLFTextShape) s).filter(s -> !s.getText().isBlank())
                    .anyMatch(s -> s.getTextParagraphs().get(0).isBullet()), "bullets");
        }
        List<PptxFrameCheck.Frame> overflowing = PptxFrameCheck.frames(new ByteArrayInputStream(pptx)).stream()
                .filter(PptxFrameCheck.Frame::overflows).toList();
        assertEquals(List.of(), overflowing);
    }

    @Test
    void theFrameCheckFindsTextThatDoesNotFit() throws IOException {
        List<SlideContent> crowded = List.of(new SlideContent(0, "Far too much", SlideLayout.BULLETS,
                Collections.nCopies(14, SampleDecks.bullet("A bullet long enough to take two lines on a slide of this "
                        + "size, measured with the real font", 1)), List.of(), List.of(), null));
        byte[] pptx = PptxRenderer.render(DeckComposer.compose("Crowded", SampleDecks.PAPER,
                List.of(SampleDecks.DOCUMENT), crowded));

        List<PptxFrameCheck.Frame> overflowing = PptxFrameCheck.frames(new ByteArrayInputStream(pptx)).stream()
                .filter(PptxFrameCheck.Frame::overflows).toList();
        assertEquals(1, overflowing.size());
        assertTrue(overflowing.get(0).needed() > 1.5 * overflowing.get(0).available(), overflowing.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "paper", "terminal", "slideo-dark" })
    void thePdfHasOnePagePerSlideWithTheTitlesAndItsFontsEmbedded(String themeId) throws IOException {
        byte[] pdf = PdfRenderer.render(deck(theme(themeId)));
        Files.write(Files.createDirectories(Path.of("target", "export-samples")).resolve(themeId + ".pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(8, document.getNumberOfPages());
            PDPage first = document.getPage(0);
            assertEquals(960, first.getMediaBox().getWidth(), 0.5);
            assertEquals(540, first.getMediaBox().getHeight(), 0.5);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < 8; i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                String title = SampleDecks.everyLayout().get(i).title();
                assertTrue(text.contains(title), "page " + (i + 1) + " shows '" + title + "': " + text);
            }
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().contains("Liberation"), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
        }
    }

    @Test
    void theHtmlLoadsInChromiumWithTheNetworkBlockedAndShowsEverySlideWithoutOverflow() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "export-samples"));
        List<String> files = new ArrayList<>();
        for (String themeId : List.of("paper", "terminal", "slideo-dark")) {
            Path file = folder.resolve(themeId + ".html");
            Files.writeString(file, HtmlRenderer.document(deck(theme(themeId))));
            files.add(file.toAbsolutePath().toString());
        }

        List<JsonNode> reports = BrowserCheck.run(files);

        assertEquals(3, reports.size());
        for (JsonNode report : reports) {
            assertEquals(8, report.path("slides").asInt(), report.toString());
            assertEquals(8, report.path("visible").asInt(), report.toString());
            assertEquals(0, report.path("overflowing").size(), report.toString());
            assertEquals(0, report.path("requests").size(), "no request left the page: " + report);
            assertEquals(0, report.path("fontsMissing").size(), report.toString());
        }
    }

    @Test
    void theHtmlEscapesTextEmbedsItsFontsAndReferencesNothingOutside() {
        String html = HtmlRenderer.document(deck(SampleDecks.PAPER));

        assertTrue(html.contains("Trace trees &amp; &lt;fast&gt; JavaScript"));
        assertFalse(html.contains("<fast>"));
        assertFalse(html.matches("(?s).*(src|href)=\"?(https?:|//).*"), "no external resources");
        assertFalse(html.matches("(?s).*url\\((?!data:).*"), "every url() is a data URI");
        assertTrue(html.contains("@font-face { font-family: slideo-serif; font-style: normal; font-weight: 700; "
                + "src: url(data:font/ttf;base64,"));
        assertEquals(8, html.split("<section class=\"slide ", -1).length - 1);
        assertTrue(html.contains("left: 56pt; top: 144pt; width: 848pt; height: 352pt;"), "the body box of SlideGeometry");
        assertTrue(html.contains("padding-left: 26.4pt;"), "bullets indented by 1.2 em");
        assertTrue(html.contains("line-height: 27.5pt;"), "line height = size x line spacing");
    }
}
