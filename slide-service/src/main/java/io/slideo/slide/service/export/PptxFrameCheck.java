package io.slideo.slide.service.export;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import io.slideo.design.Fonts;
import io.slideo.design.TextMeasure;

/**
 * Reopens a PPTX and measures every text frame and table with shared-design's fonts and line breaking,
 * as PowerPoint lays them out: the frame's insets and paragraph margins, exact line spacing and the
 * space after each paragraph. A frame whose text needs more height than its box overflows. Used by the
 * tests and by the deck-quality report ({@code main} prints one line per slide).
 */
public final class PptxFrameCheck {
    // Rounding of points in the file (EMU) and of line breaks: a hair of slack, never a line.
    private static final double TOLERANCE = 0.5;

    /** One text frame or table: the height its text needs and the height its box has. */
    public record Frame(int slide, String name, String text, double needed, double available) {
        public boolean overflows() {
            return needed > available + TOLERANCE;
        }
    }

    private PptxFrameCheck() {
    }

    public static List<Frame> frames(InputStream pptx) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (XMLSlideShow show = new XMLSlideShow(pptx)) {
            int number = 0;
            for (XSLFSlide slide : show.getSlides()) {
                number++;
                for (XSLFShape shape : slide.getShapes()) {
                    if (shape instanceof XSLFTable table) {
                        frames.add(table(number, table));
                    } else if (shape instanceof XSLFTextShape text && !text.getText().isBlank()) {
                        Rectangle2D anchor = text.getAnchor();
                        double available = anchor.getHeight() - text.getTopInset() - text.getBottomInset();
                        frames.add(new Frame(number, shape.getShapeName(), text.getText(), needed(text, anchor.getWidth()),
                                available));
                    }
                }
            }
        }
        return frames;
    }

    private static Frame table(int slide, XSLFTable table) {
        double needed = 0;
        StringBuilder text = new StringBuilder();
        for (XSLFTableRow row : table.getRows()) {
            double tallest = 0;
            int c = 0;
            for (XSLFTableCell cell : row.getCells()) {
                double width = table.getColumnWidth(c++);
                tallest = Math.max(tallest, needed(cell, width) + cell.getTopInset() + cell.getBottomInset());
                text.append(cell.getText()).append(" | ");
            }
            needed += tallest;
        }
        return new Frame(slide, table.getShapeName(), text.toString(), needed, table.getAnchor().getHeight());
    }

    /** The height the paragraphs of a text shape need at the shape's width. */
    static double needed(XSLFTextShape shape, double boxWidth) {
        double height = 0;
        double inner = boxWidth - shape.getLeftInset() - shape.getRightInset();
        for (XSLFTextParagraph paragraph : shape.getTextParagraphs()) {
            List<XSLFTextRun> runs = paragraph.getTextRuns();
            String text = paragraph.getText();
            if (runs.isEmpty() || text.isEmpty()) {
                continue;
            }
            XSLFTextRun first = runs.get(0);
            double size = first.getFontSize() == null ? 18 : first.getFontSize();
            var font = Fonts.awt(first.getFontFamily(), first.isBold(), (float) size);
            double margin = paragraph.getLeftMargin() == null ? 0 : paragraph.getLeftMargin();
            double right = paragraph.getRightMargin() == null ? 0 : paragraph.getRightMargin();
            int lines = TextMeasure.lines(text, font, (float) (inner - margin - right));
            height += lines * lineHeight(paragraph, size) + points(paragraph.getSpaceAfter(), size);
        }
        return height;
    }

    private static double lineHeight(XSLFTextParagraph paragraph, double size) {
        Double spacing = paragraph.getLineSpacing();
        if (spacing == null) {
            return size * 1.2; // PowerPoint's single spacing
        }
        return spacing < 0 ? -spacing : size * 1.2 * spacing / 100;
    }

    private static double points(Double space, double size) {
        if (space == null) {
            return 0;
        }
        return space < 0 ? -space : size * space / 100;
    }

    /**
     * {@code PptxFrameCheck deck.pptx...}: one line per slide, "file, slide, frames, overflowing frames,
     * fullest frame's fill" separated by tabs (the deck-quality report reads it).
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: PptxFrameCheck deck.pptx...");
            System.exit(2);
        }
        for (String file : args) {
            List<Frame> frames;
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                frames = frames(in);
            }
            int slides = frames.stream().mapToInt(Frame::slide).max().orElse(0);
            for (int s = 1; s <= slides; s++) {
                int slide = s;
                List<Frame> of = frames.stream().filter(f -> f.slide() == slide).toList();
                long over = of.stream().filter(Frame::overflows).count();
                double worst = of.stream().mapToDouble(f -> f.available() <= 0 ? 9.99 : f.needed() / f.available())
                        .max().orElse(0);
                System.out.println(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.3f", file, slide, of.size(), over,
                        worst));
            }
        }
    }
}
