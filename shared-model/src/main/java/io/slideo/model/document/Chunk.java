package io.slideo.model.document;

/**
 * A retrievable piece of a long document: never crosses a section, keeps its page range, so what is
 * retrieved can be cited.
 */
public record Chunk(int index, int section, String sectionTitle, int pageStart, int pageEnd, String text) {
}
