package io.slideo.model.deck;

import java.util.Objects;

import io.slideo.model.document.Figure;

/**
 * A document's figure shown on a slide: where its picture is stored ({@code blobKey}), its size in
 * pixels, and what a reader needs beside it: its caption (or alt text) and where it comes from
 * ({@code documentTitle}, {@code page}, 0 when the format has no pages).
 */
public record SlideFigure(
        String documentId,
        String documentTitle,
        String blobKey,
        String mediaType,
        int width,
        int height,
        int page,
        String caption,
        String altText) {

    /** The words for the picture: its caption, else its alt text, else empty. */
    public String description() {
        return Objects.requireNonNullElse(Figure.describe(caption, altText), "");
    }

    /** "Figure from Annual Report, p. 4": the line under the picture that says whose it is. */
    public String credit() {
        String name = documentTitle == null || documentTitle.isBlank() ? "the document" : documentTitle;
        return "Figure from " + name + (page > 0 ? ", p. " + page : "");
    }
}
