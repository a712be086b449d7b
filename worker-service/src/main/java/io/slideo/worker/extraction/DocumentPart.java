package io.slideo.worker.extraction;

import java.util.List;

import io.slideo.model.document.BlockKind;

/** What the structure handler saw, in document order, before it is grouped into sections. */
sealed interface DocumentPart {

    /** A heading (h1..h6, a slide's title); {@code level} 1 is the top. */
    record Heading(int level, String text, int page) implements DocumentPart {
    }

    /** Content with its raw text (line breaks kept, so later steps can read a paragraph's first line). */
    record Content(BlockKind kind, String rawText, int page, List<String> items, List<List<String>> rows)
            implements DocumentPart {
    }
}
