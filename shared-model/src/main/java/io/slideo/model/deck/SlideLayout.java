package io.slideo.model.deck;

/** The layouts a slide can take; the renderer and the exports know each one. */
public enum SlideLayout {
    TITLE,
    AGENDA,
    SECTION,
    BULLETS,
    TWO_COLUMNS,
    TABLE,
    /** A table of numbers drawn as a chart; the slide carries the table, {@link ChartReading} reads the chart from it. */
    CHART,
    QUOTE,
    /** A figure of the document beside the bullets; the slide carries a {@link SlideFigure}. */
    IMAGE,
    CLOSING
}
