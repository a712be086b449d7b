package io.slideo.worker.planning;

import java.util.Optional;

import io.slideo.design.Box;
import io.slideo.design.SlideGeometry;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;

/**
 * Whether an IMAGE slide's figure can be shown where the renderers draw it: in its column above its
 * caption, clear of the bullets, and large enough to read. A wide, flat figure (a timeline, a strip
 * of photos) squeezed into half a slide is a grey line; such a slide keeps its bullets alone.
 */
public final class FigurePlacement {
    /** The shorter side of a drawn figure, in points, below which nobody at the back of a room can read it. */
    static final float MIN_DRAWN_SIDE = 96;

    private FigurePlacement() {
    }

    /** Why the figure cannot be shown; empty when it can. */
    public static Optional<String> problem(SlideFigure figure) {
        if (figure == null) {
            return Optional.of("the slide has no figure");
        }
        if (figure.width() <= 0 || figure.height() <= 0) {
            return Optional.of("the figure's size is unknown");
        }
        SlideGeometry.Frame frame = SlideGeometry.frame(SlideLayout.IMAGE);
        Box column = frame.second();
        Box drawn = SlideGeometry.figure(column, figure.width(), figure.height());
        if (overlaps(drawn, frame.body()) || drawn.x() < column.x() || drawn.x() + drawn.width() > column.x() + column.width()
                || drawn.y() + drawn.height() > column.y() + column.height() - SlideGeometry.FIGURE_CAPTION) {
            return Optional.of("the figure would leave its column");
        }
        if (Math.min(drawn.width(), drawn.height()) < MIN_DRAWN_SIDE) {
            return Optional.of("the figure would be drawn " + Math.round(drawn.width()) + " by "
                    + Math.round(drawn.height()) + " pt, too small to read");
        }
        return Optional.empty();
    }

    private static boolean overlaps(Box a, Box b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }
}
