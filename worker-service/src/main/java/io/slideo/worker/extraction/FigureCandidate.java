package io.slideo.worker.extraction;

/**
 * A picture found in a document, before the rules that tell a figure from decoration. {@code anchor}
 * is text beside it (its caption or the paragraph before it) that tells which section holds it;
 * {@code pageCoverage} is the share of the page it covers (0 when unknown); {@code identity} is the
 * same for the same picture wherever it is drawn; {@code bytes} is null for a picture left undecoded
 * past the document's budget.
 */
record FigureCandidate(byte[] bytes, String mediaType, int width, int height, int page, String caption,
        String altText, String anchor, double pageCoverage, String identity) {

    String extension() {
        return switch (mediaType) {
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            default -> "png";
        };
    }
}
