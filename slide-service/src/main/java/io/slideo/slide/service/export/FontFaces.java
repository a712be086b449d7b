package io.slideo.slide.service.export;

import java.util.Base64;
import java.util.Set;

import io.slideo.design.FallbackFont;
import io.slideo.design.Fonts;

/**
 * The HTML export's @font-face rules: Slideo's Liberation faces whole, and each fallback font the deck
 * uses as a data URI of the subset that draws the deck's characters, so a Japanese deck carries its
 * kanji and not the 6 MB font.
 */
final class FontFaces {

    private FontFaces() {
    }

    static void append(StringBuilder css, Set<String> faces, DeckFonts fallbacks) {
        for (String face : faces) {
            String[] parts = face.split("\\|");
            boolean bold = Boolean.parseBoolean(parts[1]);
            rule(css, HtmlRenderer.cssFamily(parts[0]), bold ? 700 : 400, Fonts.bytes(parts[0], bold));
        }
        for (FallbackFont font : fallbacks.fonts()) {
            // One file for both weights: the fallback fonts ship a regular face only.
            rule(css, font.cssFamily(), 0, fallbacks.subset(font));
        }
    }

    private static void rule(StringBuilder css, String family, int weight, byte[] ttf) {
        css.append("@font-face { font-family: ").append(family).append("; font-style: normal; font-weight: ")
                .append(weight == 0 ? "100 900" : Integer.toString(weight)).append("; src: url(data:font/ttf;base64,")
                .append(Base64.getEncoder().encodeToString(ttf)).append(") format(\"truetype\"); }\n");
    }
}
