package io.slideo.model.document;

import java.util.List;

/**
 * A unit of content on one page. {@code text} is always set (a list's items or a table's cells
 * joined) so consumers that only want prose can ignore the kind.
 */
public record Block(
        BlockKind kind,
        String text,
        int page,
        List<String> items,
        List<List<String>> rows) {

    public Block {
        items = items == null ? List.of() : List.copyOf(items);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    public static Block paragraph(String text, int page) {
        return new Block(BlockKind.PARAGRAPH, text, page, List.of(), List.of());
    }
}
