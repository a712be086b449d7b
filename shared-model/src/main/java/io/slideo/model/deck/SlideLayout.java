package io.slideo.model.deck;

/** The layouts a slide can take; the renderer and the exports know each one. */
public enum SlideLayout {
    TITLE,
    AGENDA,
    SECTION,
    BULLETS,
    TWO_COLUMNS,
    TABLE,
    QUOTE,
    CLOSING
}
