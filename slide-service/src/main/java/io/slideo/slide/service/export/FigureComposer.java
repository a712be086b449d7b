package io.slideo.slide.service.export;

import java.awt.Font;
import java.util.List;

import io.slideo.design.Box;
import io.slideo.design.Fonts;
import io.slideo.design.SlideGeometry;
import io.slideo.design.TextMeasure;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.theme.Theme;
import io.slideo.slide.service.export.Composition.Align;
import io.slideo.slide.service.export.Composition.Anchor;
import io.slideo.slide.service.export.Composition.Face;
import io.slideo.slide.service.export.Composition.Picture;
import io.slideo.slide.service.export.Composition.Shape;
import io.slideo.slide.service.export.Composition.Text;

/**
 * A document's figure on its slide: the picture as large as its column allows (aspect kept, never
 * blown up past 1.5 times its pixels), and under it its caption and the line that says whose it is.
 */
final class FigureComposer {
    static final float CAPTION_SIZE = 11;
    private static final float GAP = 6;
    private static final int MAX_CAPTION = 240;

    private FigureComposer() {
    }

    static List<Shape> shapes(SlideContent.Picture shown, Box column, Theme theme) {
        SlideFigure figure = shown.figure();
        Box picture = SlideGeometry.figure(column, figure.width(), figure.height());
        Box under = new Box(column.x(), picture.y() + picture.height() + GAP, column.width(),
                SlideGeometry.FIGURE_CAPTION - GAP);
        String caption = fitted(figure.description(), figure.credit(), under, theme);
        List<String> lines = caption.isBlank() ? List.of(figure.credit()) : List.of(caption, figure.credit());
        Text words = new Text("caption", under, new Face(theme.bodyFont(), false, CAPTION_SIZE), CAPTION_SIZE * 1.2f,
                theme.textColor(), Anchor.TOP, Align.LEFT, false, 0, 0, null, lines, List.of());
        return List.of(new Picture("figure", picture, figure.mediaType(), shown.bytes(),
                figure.description().isBlank() ? figure.credit() : figure.description()), words);
    }

    /** The caption, cut at a word with an ellipsis where it would push its credit line out of the box. */
    static String fitted(String caption, String credit, Box box, Theme theme) {
        Font font = Fonts.awt(theme.bodyFont(), false, CAPTION_SIZE);
        int room = (int) Math.floor(box.height() / (CAPTION_SIZE * 1.2f)) - TextMeasure.lines(credit, font, box.width());
        String text = caption.length() > MAX_CAPTION ? caption.substring(0, MAX_CAPTION).strip() + "…" : caption;
        while (!text.isEmpty() && TextMeasure.lines(text, font, box.width()) > room) {
            int cut = text.lastIndexOf(' ', text.length() - 2);
            text = cut <= 0 ? "" : text.substring(0, cut).strip() + "…";
        }
        return text;
    }
}
