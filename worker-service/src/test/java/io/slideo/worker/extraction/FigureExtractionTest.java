package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;
import io.slideo.model.event.EventCodec;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.config.DefaultConfig;

class FigureExtractionTest {
    private static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(new DocumentExtractor.Limits(Duration.ofSeconds(120), 5_000_000, 256L << 20,
                20_000, DefaultConfig.worker().extraction().supportedTypes(), false), new AutoDetectParser());
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    @Test
    void findsThePapersFiguresWithTheirPagesCaptionsAndSections() throws Exception {
        Map<String, byte[]> stored = new LinkedHashMap<>();
        ExtractedDocument paper = extractor.extract("mems", RepositoryPaths.corpusFile("paper-mems-microrobots.pdf"),
                "paper.pdf", PageListener.NONE, (figure, bytes) -> stored.put(figure.blobKey(), bytes));

        List<Figure> figures = paper.figures();
        assertEquals(List.of(2, 3, 3, 4, 4, 5, 7, 8), figures.stream().map(Figure::page).toList());
        Figure first = figures.get(0);
        assertEquals("Fig. 1: The schematic of the MicroStressBots.", first.caption());
        assertEquals("Fig. 8. Example of an ESATC system with k = 4 and l = 4.", figures.get(7).caption());
        // Each caption line names one picture only.
        assertEquals(figures.stream().map(Figure::caption).filter(c -> c != null).distinct().count(),
                figures.stream().map(Figure::caption).filter(c -> c != null).count());
        assertEquals("documents/mems/figures/figure-1.jpg", first.blobKey());
        assertEquals("image/jpeg", first.mediaType());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored.get(first.blobKey())));
        assertEquals(692, picture.getWidth());
        assertEquals(490, picture.getHeight());
        assertEquals(figures.size(), stored.size());
        int section = first.section();
        assertTrue(section >= 0 && paper.sections().get(section).blocks().stream().anyMatch(b -> b.page() == 2),
                "the first figure belongs to a section on its page");
    }

    @Test
    void leavesOutTheRepeatedLogoTheIconTheRuleAndThePageSizedBackground(@TempDir Path folder) throws Exception {
        Path pdf = folder.resolve("report.pdf");
        writeReport(pdf);

        ExtractedDocument report = extractor.extract("report", pdf, "report.pdf");

        assertEquals(1, report.figures().size(), "only the chart is a figure: " + report.figures());
        Figure chart = report.figures().get(0);
        assertEquals(2, chart.page());
        assertEquals(400, chart.width());
        assertEquals(300, chart.height());
        assertEquals("Figure 1: Sales by region in 2025", chart.caption());
    }

    @Test
    void picturesPastTheDecodeBudgetAreNotDecodedAndCountAsOverTheCap() throws Exception {
        Path paper = RepositoryPaths.corpusFile("paper-mems-microrobots.pdf");

        List<FigureCandidate> found = PdfFigures.find(paper, 100_000);
        long decoded = found.stream().filter(c -> c.bytes() != null).mapToLong(c -> c.bytes().length).sum();
        assertTrue(found.stream().anyMatch(c -> c.bytes() == null), "some pictures were left undecoded");
        assertTrue(decoded < 100_000 + 80_000, "decoding stopped near the budget: " + decoded);

        FigureSelection.Chosen chosen = DocumentFigures.find(paper, "application/pdf", 40, 50_000);
        assertTrue(chosen.skipped().containsKey("over the cap"), chosen.skipped().toString());
        assertTrue(chosen.kept().stream().mapToLong(c -> c.bytes().length).sum() <= 50_000);
    }

    @Test
    void keepsTheAltTextAWordDocumentGivesItsChart() throws Exception {
        ExtractedDocument factsheet = extractor.extract("facts",
                RepositoryPaths.corpusFile("factsheet-cancer-statistics-tables.docx"), "facts.docx");

        assertEquals(1, factsheet.figures().size(), "its icons are left out: " + factsheet.figures());
        Figure graph = factsheet.figures().get(0);
        assertEquals("Line graph showing Number of New Cases and Deaths per 100,000 from 1975-2011", graph.altText());
        assertEquals(0, graph.page());
        assertEquals("image/png", graph.mediaType());
        assertTrue(graph.section() >= 0, "placed in the section around it");
    }

    @Test
    void aSlidesPictureNamedAfterItsFileOrLabelledInAWordHasNoAltText() throws Exception {
        ExtractedDocument lecture = extractor.extract("lecture",
                RepositoryPaths.corpusFile("lecture-ecodesign-german.pptx"), "lecture.pptx");

        Figure lifeCycle = lecture.figures().stream().filter(f -> f.page() == 4).findFirst().orElseThrow();
        assertNull(lifeCycle.altText(), "Lebenszyklus_Elektro.jpg is a file name, not a description");
        assertTrue(lecture.figures().stream().anyMatch(f -> "Kühlschrank".equals(f.altText())));
        assertTrue(lecture.figures().stream().filter(f -> f.page() == 1).allMatch(f -> f.altText() == null),
                "\"BM\" and \"banner\" label the title slide's pictures, they do not describe them");
        assertTrue(lecture.figures().size() <= DocumentExtractor.Limits.DEFAULT_MAX_FIGURES);
    }

    @Test
    void readsAResultStoredBeforeFiguresExisted() throws Exception {
        ObjectMapper json = EventCodec.newMapper();
        String old = "{\"documentId\":\"d\",\"title\":\"T\",\"language\":\"en\",\"mediaType\":\"application/pdf\","
                + "\"pages\":1,\"characters\":3,\"metadata\":{},\"sections\":[]}";

        ExtractedDocument document = json.readValue(old, ExtractedDocument.class);

        assertEquals(List.of(), document.figures());
        ExtractedDocument again = json.readValue(json.writeValueAsBytes(document.withFigures(List.of(
                new Figure("figure-1", "documents/d/figures/figure-1.png", "image/png", 200, 100, 1, "Figure 1", null,
                        0)))), ExtractedDocument.class);
        assertEquals("Figure 1", again.figures().get(0).caption());
    }

    /** Four pages with a logo on each, a chart with its caption on page 2, an icon, a rule and a full-page background. */
    private static void writeReport(Path pdf) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject logo = LosslessFactory.createFromImage(document, noise(200, 200, 1));
            PDImageXObject chart = LosslessFactory.createFromImage(document, noise(400, 300, 2));
            PDImageXObject icon = LosslessFactory.createFromImage(document, noise(40, 40, 3));
            PDImageXObject rule = LosslessFactory.createFromImage(document, noise(1200, 30, 4));
            PDImageXObject background = LosslessFactory.createFromImage(document, noise(600, 800, 5));
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 1; page <= 4; page++) {
                PDPage sheet = new PDPage(PDRectangle.A4);
                document.addPage(sheet);
                try (PDPageContentStream content = new PDPageContentStream(document, sheet)) {
                    if (page == 3) {
                        content.drawImage(background, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                    }
                    content.drawImage(logo, 480, 770, 60, 60);
                    text(content, font, 12, 72, 700, "Section " + page + " reports the sales of the quarter in words.");
                    if (page == 2) {
                        content.drawImage(chart, 100, 350, 400, 300);
                        text(content, font, 10, 100, 330, "Figure 1: Sales by region in 2025");
                        content.drawImage(icon, 72, 200, 20, 20);
                        content.drawImage(rule, 72, 150, 450, 10);
                    }
                }
            }
            document.save(pdf.toFile());
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String line)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
    }

    /** A picture that does not compress to a few bytes, as a photo or a chart with detail would not. */
    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }
}
