package io.slideo.model.document;

/**
 * A picture taken from a document (a chart, a photo, a diagram), its bytes in the blob store under
 * {@code blobKey}. {@code page} is 0 when the format has no pages (DOCX), {@code section} the index of
 * the section it belongs to in {@link ExtractedDocument#sections()}, -1 when none could be told.
 * {@code caption} is the document's own "Figure N ..." line, {@code altText} the file's description.
 */
public record Figure(
        String id,
        String blobKey,
        String mediaType,
        int width,
        int height,
        int page,
        String caption,
        String altText,
        int section) {

    /** What the figure shows in words: its caption, else its alt text, else null. */
    public String description() {
        return describe(caption, altText);
    }

    /** The words for a picture: its caption, else its alt text, else null (a figure and a slide's figure alike). */
    public static String describe(String caption, String altText) {
        if (caption != null && !caption.isBlank()) {
            return caption;
        }
        return altText != null && !altText.isBlank() ? altText : null;
    }
}
