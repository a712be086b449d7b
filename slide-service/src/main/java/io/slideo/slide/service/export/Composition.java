package io.slideo.slide.service.export;

import java.util.List;

import io.slideo.design.Box;
import io.slideo.model.deck.SlideLayout;

/**
 * A deck laid out once, for every renderer: each page is a list of shapes at their places in points
 * on a 960 x 540 pt slide, with the theme's fonts, sizes and colours already applied. The HTML (and
 * with it the PDF) and the PPTX are drawn from this, so they cannot disagree about where text goes.
 */
public record Composition(String title, String language, List<Page> pages) {

    /** {@code rightToLeft}: the slide reads right to left (Arabic, Hebrew): its text is right-aligned and shaped. */
    public record Page(int number, SlideLayout layout, String title, String background, List<Shape> shapes,
            String notes, boolean rightToLeft) {
    }

    public sealed interface Shape permits Rect, Text, Table, Plot, Picture {
        /** What the shape is on the slide: title, body, second, sources, number, decoration. */
        String role();

        Box box();
    }

    /** A filled rectangle: the theme's decoration. */
    public record Rect(String role, Box box, String colour) implements Shape {
    }

    /**
     * Paragraphs of one font in a box. Bulleted paragraphs hang their glyph in {@code indent};
     * {@code gapAfter} follows every paragraph; lines are {@code lineHeight} apart. {@code hints} are
     * per-paragraph source labels (hover text), or empty.
     */
    public record Text(String role, Box box, Face face, float lineHeight, String colour, Anchor anchor, Align align,
            boolean bulleted, float indent, float gapAfter, String glyphColour, List<String> paragraphs,
            List<String> hints) implements Shape {
    }

    /** Equal columns, first row the header; each row as tall as its tallest cell. */
    public record Table(String role, Box box, Face face, float lineHeight, float padding, String colour,
            String ruleColour, List<List<String>> rows, int columns, List<Float> rowHeights) implements Shape {
    }

    /**
     * A chart drawn in its box: the chart's data, its labels in {@code face}, and its colours from the
     * theme ({@link ChartPalette}): one per series (or pie slice), the text's, the grid's and the background's (pie slices are parted in it).
     */
    public record Plot(String role, Box box, io.slideo.model.deck.Chart chart, Face face, String textColour,
            String gridColour, String background, List<String> palette, String categoryTitle) implements Shape {
    }

    /** A document's figure drawn in its box (aspect kept); {@code alt} says what it shows. */
    public record Picture(String role, Box box, String mediaType, byte[] bytes, String alt) implements Shape {
    }

    /** A font of Slideo's (a family of shared-design's Fonts) at a size in points. */
    public record Face(String family, boolean bold, float size) {
    }

    public enum Anchor {
        TOP,
        MIDDLE,
        BOTTOM
    }

    public enum Align {
        LEFT,
        RIGHT
    }
}
