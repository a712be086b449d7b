package io.slideo.worker.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

import io.slideo.worker.text.TextCleanup;

/**
 * The pictures placed in a Word document or a PowerPoint deck, in reading order, with the file's own
 * description of each (its alt text). A Word picture's caption is the "Figure N" paragraph just
 * after (or before) it; the paragraph before it tells which section holds it.
 */
final class OfficeFigures {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static final int MIN_ALT = 8;
    private static final Pattern FILE_NAME = Pattern.compile("(?i)(https?://\\S*|.{0,120}\\.(jpe?g|png|gif|bmp|tiff?|emf|wmf|svg))");

    private OfficeFigures() {
    }

    static List<FigureCandidate> find(Path file, String mediaType) throws IOException {
        try (OPCPackage opc = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (mediaType.equals(DOCX)) {
                try (XWPFDocument document = new XWPFDocument(opc)) {
                    return word(document);
                }
            }
            try (XMLSlideShow show = new XMLSlideShow(opc)) {
                return slides(show);
            }
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static List<FigureCandidate> word(XWPFDocument document) {
        List<FigureCandidate> found = new ArrayList<>();
        List<XWPFParagraph> paragraphs = new ArrayList<>();
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                paragraphs.add(paragraph);
            }
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            for (XWPFRun run : paragraphs.get(i).getRuns()) {
                for (XWPFPicture picture : run.getEmbeddedPictures()) {
                    String caption = captionNear(paragraphs, i);
                    String anchor = caption != null ? caption : textBefore(paragraphs, i);
                    byte[] bytes = picture.getPictureData().getData();
                    found.add(candidate(bytes, picture.getPictureData().getPackagePart().getContentType(), 0, caption,
                            picture.getDescription(), anchor, picture.getPictureData().getPackagePart().getPartName()
                                    .getName()));
                }
            }
        }
        return found;
    }

    /** A caption paragraph right after the picture (or in its own paragraph), else right before it. */
    private static String captionNear(List<XWPFParagraph> paragraphs, int index) {
        for (int i : new int[] { index, index + 1, index - 1 }) {
            if (i >= 0 && i < paragraphs.size()) {
                String text = TextCleanup.normalize(paragraphs.get(i).getText()).strip();
                if (CaptionLines.CAPTION.matcher(text).matches()) {
                    return text.length() > 240 ? text.substring(0, 240).strip() + "…" : text;
                }
            }
        }
        return null;
    }

    private static String textBefore(List<XWPFParagraph> paragraphs, int index) {
        for (int i = index; i >= 0; i--) {
            String text = TextCleanup.normalize(paragraphs.get(i).getText()).strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    private static List<FigureCandidate> slides(XMLSlideShow show) {
        List<FigureCandidate> found = new ArrayList<>();
        int number = 0;
        for (XSLFSlide slide : show.getSlides()) {
            number++;
            for (XSLFPictureShape picture : pictures(slide.getShapes())) {
                XSLFPictureData data = picture.getPictureData();
                if (data != null) {
                    found.add(candidate(data.getData(), data.getContentType(), number, null, altText(picture), null,
                            data.getPackagePart().getPartName().getName()));
                }
            }
        }
        return found;
    }

    private static List<XSLFPictureShape> pictures(List<XSLFShape> shapes) {
        List<XSLFPictureShape> pictures = new ArrayList<>();
        for (XSLFShape shape : shapes) {
            if (shape instanceof XSLFPictureShape picture) {
                pictures.add(picture);
            } else if (shape instanceof XSLFGroupShape group) {
                pictures.addAll(pictures(group.getShapes()));
            }
        }
        return pictures;
    }

    private static String altText(XSLFPictureShape picture) {
        if (picture.getXmlObject() instanceof CTPicture xml && xml.getNvPicPr() != null) {
            CTNonVisualDrawingProps properties = xml.getNvPicPr().getCNvPr();
            String description = properties == null ? null : properties.getDescr();
            return description == null || description.isBlank() ? null : description.strip();
        }
        return null;
    }

    private static FigureCandidate candidate(byte[] bytes, String contentType, int page, String caption,
            String altText, String anchor, String partName) {
        int[] size = pixelSize(bytes);
        String alt = altText == null ? "" : TextCleanup.normalize(altText).strip();
        // A file name or an address is what the program filled in, not what the author wrote; a short
        // single word ("BM", "banner") is a label, not a description.
        boolean label = alt.length() < MIN_ALT && !alt.contains(" ");
        alt = alt.isEmpty() || label || FILE_NAME.matcher(alt).matches() ? null : alt;
        return new FigureCandidate(bytes, contentType, size[0], size[1], page, caption, alt, anchor, 0, partName);
    }

    /** Width and height from the picture's header, without decoding it; 0 by 0 when unreadable. */
    static int[] pixelSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new int[] { 0, 0 };
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new int[] { 0, 0 };
        }
    }
}
