package io.slideo.slide.service.export;

import java.util.List;

import io.slideo.design.Box;
import io.slideo.design.SlideGeometry;
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
    private static final int MAX_CAPTION = 160;

    private FigureComposer() {
    }

    static List<Shape> shapes(SlideContent.Picture shown, Box column, Theme theme) {
        SlideFigure figure = shown.figure();
        Box picture = SlideGeometry.figure(column, figure.width(), figure.height());
        Box under = new Box(column.x(), picture.y() + picture.height() + GAP, column.width(),
                SlideGeometry.FIGURE_CAPTION - GAP);
        String caption = figure.description().length() > MAX_CAPTION
                ? figure.description().substring(0, MAX_CAPTION - 1).strip() + "…" : figure.description();
        List<String> lines = caption.isBlank() ? List.of(figure.credit()) : List.of(caption, figure.credit());
        Text words = new Text("caption", under, new Face(theme.bodyFont(), false, CAPTION_SIZE), CAPTION_SIZE * 1.2f,
                theme.textColor(), Anchor.TOP, Align.LEFT, false, 0, 0, null, lines, List.of());
        return List.of(new Picture("figure", picture, figure.mediaType(), shown.bytes(),
                caption.isBlank() ? figure.credit() : caption), words);
    }
}
