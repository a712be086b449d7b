package io.slideo.design;

import io.slideo.model.deck.SlideLayout;

/**
 * Where things go on a slide, per layout. The HTML preview, the PDF, the PPTX and the quality gate all
 * read these boxes, so what the gate measured is what every export shows.
 */
public final class SlideGeometry {
    public static final float WIDTH = 960;
    public static final float HEIGHT = 540;
    public static final Box NUMBER = new Box(864, 500, 64, 24);
    public static final float NUMBER_SIZE = 12;

    private static final float LEFT = 56;
    private static final float FULL = 848;
    private static final Box TITLE_BAR = new Box(LEFT, 32, FULL, 96);
    private static final Box BODY = new Box(LEFT, 144, FULL, 352);

    /**
     * The boxes of one layout. {@code titleScale} multiplies the theme's title size; {@code bodyScale}
     * the body size. {@code second} is the right column of two-column slides, else null.
     */
    public record Frame(Box title, float titleScale, Box body, float bodyScale, Box second) {
    }

    /** Room under a figure for its caption and the line that says where it comes from. */
    public static final float FIGURE_CAPTION = 56;
    /** A figure is drawn at most this many times its pixel size: more and it turns to blur. */
    public static final float MAX_FIGURE_SCALE = 1.5f;

    private SlideGeometry() {
    }

    /**
     * Where a picture of {@code width} by {@code height} pixels is drawn in {@code area}: as large as
     * fits above its caption, its aspect kept, never past {@link #MAX_FIGURE_SCALE}, centred across.
     */
    public static Box figure(Box area, int width, int height) {
        float room = area.height() - FIGURE_CAPTION;
        float scale = Math.min(MAX_FIGURE_SCALE, Math.min(area.width() / Math.max(1, width), room / Math.max(1, height)));
        float drawnWidth = width * scale;
        float drawnHeight = height * scale;
        return new Box(area.x() + (area.width() - drawnWidth) / 2, area.y(), drawnWidth, drawnHeight);
    }

    public static Frame frame(SlideLayout layout) {
        return switch (layout) {
            // Room for a document's own long title: three lines of the title size.
            case TITLE -> new Frame(new Box(LEFT, 96, FULL, 200), 1.33f, new Box(LEFT, 310, FULL, 120), 1f, null);
            case SECTION -> new Frame(new Box(LEFT, 190, FULL, 150), 1.2f, new Box(LEFT, 350, FULL, 100), 1f, null);
            case QUOTE -> new Frame(new Box(96, 400, 768, 60), 0.75f, new Box(96, 110, 768, 270), 1.2f, null);
            case CLOSING -> new Frame(new Box(LEFT, 150, FULL, 110), 1f, new Box(LEFT, 280, FULL, 200), 1f, null);
            case TWO_COLUMNS -> new Frame(TITLE_BAR, 1f, new Box(LEFT, 144, 408, 352), 1f, new Box(496, 144, 408, 352));
            // The bullets on the left, the figure with its caption in the right column.
            case IMAGE -> new Frame(TITLE_BAR, 1f, new Box(LEFT, 144, 408, 352), 1f, new Box(496, 144, 408, 352));
            case BULLETS, AGENDA, TABLE, CHART -> new Frame(TITLE_BAR, 1f, BODY, 1f, null);
        };
    }
}
