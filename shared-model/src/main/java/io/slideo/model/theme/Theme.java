package io.slideo.model.theme;

/**
 * A deck's look. One definition drives the HTML preview, the quality gate's measurements and every
 * export, so the files look like what the user saw. Colours are {@code #rrggbb}; fonts are family
 * names of the fonts Slideo ships (Liberation Sans, Liberation Serif, Liberation Mono); sizes are
 * points on a 960 x 540 pt slide; {@code style} is the decoration: "band", "rule" or "plain".
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
        String bodyFont,
        int titleFontSize,
        int bodyFontSize,
        double lineSpacing,
        String style) {

    public static final int DEFAULT_TITLE_SIZE = 36;
    public static final int DEFAULT_BODY_SIZE = 22;
    public static final double DEFAULT_LINE_SPACING = 1.2;

    public Theme {
        titleFontSize = titleFontSize > 0 ? titleFontSize : DEFAULT_TITLE_SIZE;
        bodyFontSize = bodyFontSize > 0 ? bodyFontSize : DEFAULT_BODY_SIZE;
        lineSpacing = lineSpacing > 0 ? lineSpacing : DEFAULT_LINE_SPACING;
        style = style == null || style.isBlank() ? "rule" : style;
    }

    /** A theme with default sizes and decoration (as the first catalog had them). */
    public Theme(String id, String name, String description, String backgroundColor, String textColor,
            String titleColor, String accentColor, String headingFont, String bodyFont) {
        this(id, name, description, backgroundColor, textColor, titleColor, accentColor, headingFont, bodyFont, 0, 0, 0,
                null);
    }
}
