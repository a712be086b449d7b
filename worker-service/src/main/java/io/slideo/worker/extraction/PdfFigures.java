package io.slideo.worker.extraction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The pictures a PDF draws, each with its page, where it stands on the page and the caption line
 * nearest to it. A JPEG the browser can show keeps its own bytes; any other picture is decoded and
 * written as PNG. Pictures too small, too thin or too large to decode are listed without bytes:
 * {@link FigureSelection} counts them as decoration.
 */
final class PdfFigures {
    // A picture larger than this would need more heap to decode than a parser process has to spare.
    private static final long MAX_PIXELS = 30_000_000L;

    private PdfFigures() {
    }

    /**
     * The pictures of the PDF; past {@code decodeBudget} bytes of them, the rest are listed undecoded
     * (null bytes), so a document of a thousand photographs never holds them all in memory.
     */
    static List<FigureCandidate> find(Path pdf, long decodeBudget) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Placement> placements = new ArrayList<>();
            int number = 0;
            for (PDPage page : document.getPages()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("Interrupted while looking for figures");
                }
                ImageLocator locator = new ImageLocator(page, ++number);
                locator.processPage(page);
                placements.addAll(locator.found);
            }
            Map<Integer, List<CaptionLines.Line>> captions = CaptionLines.onPages(document, pagesWithFigures(placements));
            Map<String, String> captionOf = captionsOf(placements, captions);
            Map<String, byte[]> encoded = new HashMap<>();
            List<FigureCandidate> candidates = new ArrayList<>();
            long decoded = 0;
            for (Placement placement : placements) {
                FigureCandidate candidate = candidate(placement, encoded, captionOf.get(placement.where()),
                        decoded < decodeBudget);
                decoded += candidate.bytes() == null ? 0 : candidate.bytes().length;
                candidates.add(candidate);
            }
            return candidates;
        }
    }

    /** The caption of each picture worth reading, by where it is drawn. */
    private static Map<String, String> captionsOf(List<Placement> placements,
            Map<Integer, List<CaptionLines.Line>> captions) {
        Map<String, String> captionOf = new HashMap<>();
        for (int page : pagesWithFigures(placements)) {
            List<Placement> onPage = placements.stream().filter(p -> p.page == page && p.worthReading()).toList();
            List<CaptionLines.Box> boxes = onPage.stream()
                    .map(p -> new CaptionLines.Box(p.left, p.right, p.top, p.bottom)).toList();
            List<String> assigned = CaptionLines.assign(boxes, captions.getOrDefault(page, List.of()),
                    onPage.get(0).pageHeight);
            for (int i = 0; i < onPage.size(); i++) {
                captionOf.put(onPage.get(i).where(), assigned.get(i));
            }
        }
        return captionOf;
    }

    private static List<Integer> pagesWithFigures(List<Placement> placements) {
        return placements.stream().filter(Placement::worthReading).map(Placement::page).distinct().toList();
    }

    private static FigureCandidate candidate(Placement placement, Map<String, byte[]> encoded, String caption,
            boolean withinBudget) throws IOException {
        PDImageXObject image = placement.image;
        byte[] bytes = new byte[0];
        String mediaType = "image/png";
        if (placement.worthReading()) {
            bytes = encoded.get(placement.identity);
            if (bytes == null && withinBudget) {
                bytes = keepsItsJpeg(image) ? raw(image) : png(image);
                encoded.put(placement.identity, bytes);
            }
            mediaType = keepsItsJpeg(image) ? "image/jpeg" : "image/png";
        }
        return new FigureCandidate(bytes, mediaType, image.getWidth(), image.getHeight(), placement.page, caption, null,
                caption, placement.coverage(), placement.identity);
    }

    /** A JPEG in RGB or grey with no mask shows as it is stored. */
    private static boolean keepsItsJpeg(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.size() != 1 || !COSName.DCT_DECODE.equals(filters.get(0)) || image.getSoftMask() != null
                || image.getDecode() != null) {
            return false;
        }
        PDColorSpace space = image.getColorSpace();
        int components = space.getNumberOfComponents();
        return space instanceof PDDeviceRGB || space instanceof PDDeviceGray
                || space instanceof PDICCBased && (components == 1 || components == 3);
    }

    private static byte[] raw(PDImageXObject image) throws IOException {
        try (InputStream in = image.getCOSObject().createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] png(PDImageXObject image) throws IOException {
        BufferedImage decoded = image.getImage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(decoded, "png", out);
        return out.toByteArray();
    }

    /** One drawing of a picture: its box on the page, top-down, in points. */
    private record Placement(PDImageXObject image, String identity, int page, float left, float right, float top,
            float bottom, float pageWidth, float pageHeight) {

        String where() {
            return page + "@" + left + "," + top + ":" + identity;
        }

        double coverage() {
            return Math.min(1.0, (right - left) * (bottom - top) / (pageWidth * pageHeight));
        }

        /** Worth decoding: not an icon, a rule, a page-sized scan, nor too large for the heap. */
        boolean worthReading() {
            int width = image.getWidth();
            int height = image.getHeight();
            return Math.min(width, height) >= FigureSelection.MIN_SIDE
                    && Math.max(width, height) <= FigureSelection.MAX_ASPECT * Math.min(width, height)
                    && coverage() <= FigureSelection.MAX_PAGE_COVERAGE && (long) width * height <= MAX_PIXELS;
        }
    }

    /** Follows the content stream's transformations to where each picture is drawn. */
    private static final class ImageLocator extends PDFStreamEngine {
        final List<Placement> found = new ArrayList<>();
        private final int page;
        private final PDRectangle box;

        ImageLocator(PDPage page, int number) {
            this.page = number;
            this.box = page.getCropBox();
            addOperator(new Concatenate(this));
            addOperator(new DrawObject(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new SetMatrix(this));
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name
                    && getResources() != null) {
                PDXObject object = getResources().getXObject(name);
                if (object instanceof PDImageXObject image) {
                    found.add(placement(image, getGraphicsState().getCurrentTransformationMatrix()));
                    return;
                }
            }
            super.processOperator(operator, operands);
        }

        private Placement placement(PDImageXObject image, Matrix ctm) {
            float width = Math.abs(ctm.getScalingFactorX());
            float height = Math.abs(ctm.getScalingFactorY());
            float left = ctm.getTranslateX() - box.getLowerLeftX();
            float top = box.getUpperRightY() - (ctm.getTranslateY() + height);
            var key = image.getCOSObject().getKey();
            String identity = key != null ? key.toString() : "direct-" + System.identityHashCode(image.getCOSObject());
            return new Placement(image, identity, page, left, left + width, top, top + height, box.getWidth(),
                    box.getHeight());
        }
    }
}
