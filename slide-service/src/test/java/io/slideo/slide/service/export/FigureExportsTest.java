package io.slideo.slide.service.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

import io.slideo.design.Box;
import io.slideo.design.Fonts;
import io.slideo.design.SlideGeometry;
import io.slideo.design.TextMeasure;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.theme.Theme;
import io.slideo.testing.RepositoryPaths;

/** A document's figure on an IMAGE slide, in each export: the document's own picture, captioned and sourced. */
class FigureExportsTest {
    private static final String CAPTION = "Fig. 1: The schematic of the MicroStressBots.";
    private static final String CREDIT = "Figure from Controllable MEMS microrobots, p. 2";
    private static byte[] jpeg;
    private static SlideFigure figure;

    /** The first picture of the paper's page 2, as the worker keeps it: the JPEG's own bytes. */
    @BeforeAll
    static void takeThePapersFirstFigure() throws IOException {
        try (PDDocument paper = Loader.loadPDF(RepositoryPaths.corpusFile("paper-mems-microrobots.pdf").toFile())) {
            PDResources resources = paper.getPage(1).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image && image.getWidth() == 692) {
                    try (InputStream in = image.getCOSObject().createRawInputStream()) {
                        jpeg = in.readAllBytes();
                    }
                }
            }
        }
        figure = new SlideFigure("doc-1", "Controllable MEMS microrobots", "documents/doc-1/figures/figure-1.jpg",
                "image/jpeg", 692, 490, 2, CAPTION, null);
    }

    private static Composition deck() {
        return deck(figure);
    }

    private static Composition deck(SlideFigure figure) {
        return deck(figure, SampleDecks.PAPER);
    }

    private static Composition deck(SlideFigure figure, Theme theme) {
        List<SlideContent> slides = new ArrayList<>(SampleDecks.everyLayout().subList(0, 1));
        slides.add(new SlideContent(1, "How a MicroStressBot moves", SlideLayout.IMAGE,
                List.of(SampleDecks.bullet("An untethered scratch drive actuator pushes the robot forward", 2),
                        SampleDecks.bullet("A steering arm snaps down to turn it", 2)),
                List.of(), List.of(), "", null, new SlideContent.Picture(figure, jpeg)));
        return DeckComposer.compose("MEMS robots", theme, List.of(SampleDecks.DOCUMENT), slides);
    }

    @Test
    void thePptxShowsTheDocumentsPictureInItsColumnWithCaptionSourceAndAltText() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(PptxRenderer.render(deck())))) {
            XSLFSlide slide = show.getSlides().get(1);
            XSLFPictureShape picture = slide.getShapes().stream().filter(XSLFPictureShape.class::isInstance)
                    .map(XSLFPictureShape.class::cast).findFirst().orElseThrow();

            assertArrayEquals(jpeg, picture.getPictureData().getData(), "the document's own bytes");
            var anchor = picture.getAnchor();
            Box column = SlideGeometry.frame(SlideLayout.IMAGE).second();
            assertTrue(anchor.getX() >= column.x() - 0.5 && anchor.getMaxX() <= column.x() + column.width() + 0.5
                    && anchor.getY() >= column.y() - 0.5
                    && anchor.getMaxY() <= column.y() + column.height() - SlideGeometry.FIGURE_CAPTION + 0.5,
                    "inside its column, above its caption: " + anchor);
            assertEquals(692.0 / 490.0, anchor.getWidth() / anchor.getHeight(), 0.02, "its aspect kept");
            assertTrue(anchor.getWidth() <= 692 * SlideGeometry.MAX_FIGURE_SCALE);
            assertEquals(CAPTION, ((CTPicture) picture.getXmlObject()).getNvPicPr().getCNvPr().getDescr());
            String texts = String.join("\n", slide.getShapes().stream().filter(XSLFTextShape.class::isInstance)
                    .map(s -> ((XSLFTextShape) s).getText()).toList());
            assertTrue(texts.contains(CAPTION) && texts.contains(CREDIT), texts);
        }
    }

    @Test
    void aLongCaptionIsCutAtAWordSoItAndItsSourceStayInTheirBoxEvenInMonospace() throws IOException {
        String long_ = "Fig. 3: Trajectories of the MicroStressBots D1 and D2 during the partial microassembly of the"
                + " string-cluster system, shown as the positions of both robots at every control pulse, with the"
                + " snapping of the steering arms marked where each turn begins and ends on the substrate";
        SlideFigure captioned = new SlideFigure("doc-1", "Controllable MEMS microrobots", "k", "image/jpeg", 692, 490, 2,
                long_, null);
        // The terminal theme's monospaced letters are the widest: the caption takes the most lines.
        byte[] pptx = PptxRenderer.render(deck(captioned, SampleDecks.TERMINAL));

        Composition.Text caption = deck(captioned, SampleDecks.TERMINAL).pages().get(1).shapes().stream()
                .filter(shape -> shape instanceof Composition.Text text && "caption".equals(text.role()))
                .map(Composition.Text.class::cast).findFirst().orElseThrow();
        Font font = Fonts.awt(caption.face().family(), false, caption.face().size());
        int lines = caption.paragraphs().stream()
                .mapToInt(p -> TextMeasure.lines(p, font, caption.box().width())).sum();
        assertTrue(lines * caption.lineHeight() <= caption.box().height(), lines + " lines in " + caption.box());
        assertTrue(caption.paragraphs().get(0).endsWith("…"), "cut at a word: " + caption.paragraphs());
        List<PptxFrameCheck.Frame> frames = PptxFrameCheck.frames(new ByteArrayInputStream(pptx));
        assertEquals(List.of(), frames.stream().filter(PptxFrameCheck.Frame::overflows).toList());
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            String texts = String.join("\n", show.getSlides().get(1).getShapes().stream()
                    .filter(XSLFTextShape.class::isInstance).map(s -> ((XSLFTextShape) s).getText()).toList());
            assertTrue(texts.contains("Fig. 3: Trajectories of the MicroStressBots") && texts.contains(CREDIT), texts);
        }
    }

    @Test
    void theHtmlCarriesThePictureInsideItselfWithItsCaptionAsAltText() {
        String html = HtmlRenderer.document(deck());

        assertTrue(html.contains("src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg) + "\""));
        assertTrue(html.contains("alt=\"" + CAPTION + "\""));
        assertTrue(html.contains(CREDIT));
    }

    @Test
    void thePdfDrawsTheSamePixelsWithCaptionAndSource() throws IOException {
        byte[] rendered = PdfRenderer.render(deck());
        Files.write(Files.createDirectories(Path.of("target", "export-samples")).resolve("figure.pdf"), rendered);
        try (PDDocument pdf = Loader.loadPDF(rendered)) {
            PDPage page = pdf.getPage(1);
            List<PDImageXObject> images = images(page.getResources());
            assertEquals(1, images.size(), "one picture on the figure's slide");
            BufferedImage drawn = images.get(0).getImage();
            BufferedImage original = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertEquals(original.getWidth(), drawn.getWidth());
            assertEquals(original.getHeight(), drawn.getHeight());
            assertTrue(samePixels(original, drawn), "the PDF shows the document's pixels");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(2);
            text.setEndPage(2);
            String words = text.getText(pdf).replaceAll("\\s+", " ");
            assertTrue(words.contains(CAPTION) && words.contains(CREDIT), words);
        }
    }

    private static List<PDImageXObject> images(PDResources resources) throws IOException {
        List<PDImageXObject> found = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                found.add(image);
            } else if (object instanceof PDFormXObject form && form.getResources() != null) {
                found.addAll(images(form.getResources()));
            }
        }
        return found;
    }

    /** Equal within the rounding of a JPEG decoded twice, over a grid of samples. */
    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y += 7) {
            for (int x = 0; x < a.getWidth(); x += 7) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF)) > 8) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
