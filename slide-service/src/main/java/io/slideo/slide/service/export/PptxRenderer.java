package io.slideo.slide.service.export;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

import io.slideo.design.Box;
import io.slideo.design.SlideGeometry;
import io.slideo.slide.service.export.Composition.Face;
import io.slideo.slide.service.export.Composition.Page;
import io.slideo.slide.service.export.Composition.Rect;
import io.slideo.slide.service.export.Composition.Shape;
import io.slideo.slide.service.export.Composition.Table;
import io.slideo.slide.service.export.Composition.Text;

/**
 * The PPTX export with Apache POI: a 960 x 540 pt slide per page with real text boxes at the
 * composition's boxes (no insets, no autofit, exact line spacing in points), the theme's background,
 * fonts, sizes and colours, real tables, speaker notes on the notes pages and slide numbers. The title
 * is the slide's title placeholder, so outlines and screen readers find it. Blocking.
 */
public final class PptxRenderer {

    private PptxRenderer() {
    }

    public static byte[] render(Composition deck) {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024)) {
            show.setPageSize(new Dimension((int) SlideGeometry.WIDTH, (int) SlideGeometry.HEIGHT));
            show.getProperties().getCoreProperties().setTitle(deck.title());
            show.getProperties().getCoreProperties().setCreator("Slideo");
            PptxRuns runs = new PptxRuns(DeckFonts.of(deck), deck.language());
            for (Page page : deck.pages()) {
                slide(show, page, runs);
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void slide(XMLSlideShow show, Page page, PptxRuns runs) {
        XSLFSlide slide = show.createSlide();
        slide.getBackground().setFillColor(colour(page.background()));
        for (Shape shape : page.shapes()) {
            if (shape instanceof Rect rect) {
                XSLFAutoShape box = slide.createAutoShape();
                box.setShapeType(ShapeType.RECT);
                box.setAnchor(anchor(rect.box()));
                box.setFillColor(colour(rect.colour()));
                box.setLineColor(null);
            } else if (shape instanceof Text text) {
                text(slide, text, runs, page.rightToLeft());
            } else if (shape instanceof Table table) {
                table(slide, table, runs, page.rightToLeft());
            } else if (shape instanceof Composition.Plot plot) {
                PptxCharts.add(show, slide, plot);
            } else if (shape instanceof Composition.Picture picture) {
                picture(show, slide, picture);
            }
        }
        if (!page.notes().isEmpty()) {
            XSLFNotes notes = show.getNotesSlide(slide);
            for (XSLFTextShape placeholder : notes.getPlaceholders()) {
                if (placeholder.getTextType() == Placeholder.BODY) {
                    placeholder.setText(page.notes());
                }
            }
        }
    }

    /** The figure as a picture of the slide, with its caption as the picture's description (alt text). */
    private static void picture(XMLSlideShow show, XSLFSlide slide, Composition.Picture picture) {
        PictureData.PictureType type = switch (picture.mediaType()) {
            case "image/jpeg" -> PictureData.PictureType.JPEG;
            case "image/gif" -> PictureData.PictureType.GIF;
            default -> PictureData.PictureType.PNG;
        };
        XSLFPictureData data = show.addPicture(picture.bytes(), type);
        XSLFPictureShape shape = slide.createPicture(data);
        shape.setAnchor(anchor(picture.box()));
        if (shape.getXmlObject() instanceof CTPicture xml) {
            xml.getNvPicPr().getCNvPr().setDescr(picture.alt());
        }
    }

    private static void text(XSLFSlide slide, Text text, PptxRuns runs, boolean rightToLeft) {
        XSLFTextBox box = slide.createTextBox();
        if ("title".equals(text.role())) {
            box.setPlaceholder(Placeholder.TITLE);
        }
        box.setAnchor(anchor(text.box()));
        box.setInsets(new Insets2D(0, 0, 0, 0));
        box.setWordWrap(true);
        box.setTextAutofit(TextAutofit.NONE);
        box.setVerticalAlignment(switch (text.anchor()) {
            case TOP -> VerticalAlignment.TOP;
            case MIDDLE -> VerticalAlignment.MIDDLE;
            case BOTTOM -> VerticalAlignment.BOTTOM;
        });
        box.clearText();
        List<String> paragraphs = text.paragraphs();
        for (String content : paragraphs) {
            XSLFTextParagraph paragraph = box.addNewTextParagraph();
            paragraph.setTextAlign(text.align() == Composition.Align.RIGHT ? TextAlign.RIGHT : TextAlign.LEFT);
            paragraph.setLineSpacing(-(double) text.lineHeight()); // negative: points, not a percentage
            paragraph.setSpaceBefore(0d);
            paragraph.setSpaceAfter(-(double) text.gapAfter());
            if (text.bulleted()) {
                paragraph.setBullet(true);
                paragraph.setBulletCharacter(DeckComposer.GLYPH);
                paragraph.setBulletFont(text.face().family());
                paragraph.setBulletFontColor(colour(text.glyphColour()));
                paragraph.setLeftMargin((double) text.indent());
                paragraph.setIndent(-(double) text.indent());
            } else {
                paragraph.setBullet(false);
                paragraph.setLeftMargin(0d);
                paragraph.setIndent(0d);
            }
            runs.add(paragraph, content, text.face(), colour(text.colour()), rightToLeft && !"number".equals(text.role()));
        }
    }

    private static void table(XSLFSlide slide, Table table, PptxRuns runs, boolean rightToLeft) {
        int rows = table.rows().size();
        XSLFTable shape = slide.createTable(rows, table.columns());
        float height = 0;
        for (float h : table.rowHeights()) {
            height += h;
        }
        Box box = table.box();
        shape.setAnchor(new Rectangle2D.Double(box.x(), box.y(), box.width(), height));
        if (rightToLeft) {
            // Columns from the right, as a right-to-left reader expects the first one.
            var properties = shape.getCTTable().isSetTblPr() ? shape.getCTTable().getTblPr()
                    : shape.getCTTable().addNewTblPr();
            properties.setRtl(true);
        }
        double width = box.width() / table.columns();
        for (int c = 0; c < table.columns(); c++) {
            shape.setColumnWidth(c, width);
        }
        for (int r = 0; r < rows; r++) {
            shape.setRowHeight(r, table.rowHeights().get(r));
            List<String> row = table.rows().get(r);
            for (int c = 0; c < table.columns(); c++) {
                XSLFTableCell cell = shape.getCell(r, c);
                cell.setLeftInset(table.padding());
                cell.setRightInset(table.padding());
                cell.setTopInset(table.padding());
                cell.setBottomInset(table.padding());
                cell.setWordWrap(true);
                cell.setVerticalAlignment(VerticalAlignment.TOP);
                if (r == 0) {
                    cell.setBorderColor(BorderEdge.bottom, colour(table.ruleColour()));
                    cell.setBorderWidth(BorderEdge.bottom, 1);
                }
                cell.clearText();
                XSLFTextParagraph paragraph = cell.addNewTextParagraph();
                paragraph.setLineSpacing(-(double) table.lineHeight());
                paragraph.setSpaceBefore(0d);
                paragraph.setSpaceAfter(0d);
                paragraph.setTextAlign(rightToLeft ? TextAlign.RIGHT : TextAlign.LEFT);
                Face face = new Face(table.face().family(), r == 0, table.face().size());
                runs.add(paragraph, c < row.size() ? row.get(c) : "", face, colour(table.colour()), rightToLeft);
            }
        }
    }

    private static Rectangle2D anchor(Box box) {
        return new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
    }

    private static Color colour(String hex) {
        return Color.decode(hex);
    }
}
