package io.slideo.model.deck;

/**
 * Where a piece of slide text came from: a document and, where the format has pages, its page
 * (1-based). {@code location} says where in a document without pages the text stands, as a reader
 * finds it: the heading path and the paragraph ("§ 3.2 Risk, ¶ 4"); null where the page says it.
 */
public record SourceRef(String documentId, Integer page, String location) {

    public SourceRef(String documentId, Integer page) {
        this(documentId, page, null);
    }

    /** How a reader finds the text in its document: "§ 3.2 Risk, ¶ 4", "p. 12", or empty. */
    public String citation() {
        if (location != null && !location.isBlank()) {
            return location;
        }
        return page == null ? "" : "p. " + page;
    }
}
