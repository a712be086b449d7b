package io.slideo.model.theme;

/**
 * A deck's look. One definition drives the HTML preview and every export, so the files look
 * like what the user saw. Colours are {@code #rrggbb}; fonts are family names.
 */
public record Theme(
        String id,
        String name,
        String description,
        String backgroundColor,
        String textColor,
        String titleColor,
        String accentColor,
        String headingFont,
        String bodyFont) {
}
