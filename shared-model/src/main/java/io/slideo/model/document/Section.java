package io.slideo.model.document;

import java.util.List;

/** A titled part of a document; {@code level} is the heading level (1 is top), 0 for untitled text. */
public record Section(
        String title,
        int level,
        int pageStart,
        int pageEnd,
        List<Block> blocks) {

    public Section {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}
