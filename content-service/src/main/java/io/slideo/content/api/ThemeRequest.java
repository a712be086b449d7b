package io.slideo.content.api;

/**
 * A custom theme. Fields left out are taken from {@code basedOn} (a built-in theme, default
 * slideo-light), so a user can change just the colours of a theme they like.
 */
public record ThemeRequest(
        String basedOn,
        String name,
        String description,
        String backgroundColor,
        String textColor,
        String titleColor,
        String accentColor,
        String headingFont,
        String bodyFont,
        Integer titleFontSize,
        Integer bodyFontSize,
        Double lineSpacing,
        String style) {
}
