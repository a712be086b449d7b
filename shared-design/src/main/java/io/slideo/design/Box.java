package io.slideo.design;

/** A rectangle on the slide, in points from the top-left corner of a 960 x 540 pt slide. */
public record Box(float x, float y, float width, float height) {
}
