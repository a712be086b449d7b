package io.slideo.model.document;

/** What a block of a document is. */
public enum BlockKind {
    PARAGRAPH,
    LIST,
    TABLE,
    NOTE
}
