package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.slideo.model.document.BlockKind;

class MarkdownReaderTest {

    @Test
    void frontMatterCodeAndMarkupNeverBecomeText(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("notes.md");
        Files.writeString(file, """
                ---
                title: Settings
                ---
                Setext Title
                ============

                Some **bold** and _soft_ words with `code` and a [link](https://example.org) ![logo](logo.png).

                ```sh
                $ rm -rf /
                ```

                    indented code

                <div align="center">html block</div>

                - one
                  - nested
                - two
                """);

        List<DocumentPart> parts = MarkdownReader.read(file, 100_000);

        assertEquals(new DocumentPart.Heading(1, "Setext Title", 1), parts.get(0));
        DocumentPart.Content paragraph = (DocumentPart.Content) parts.get(1);
        assertEquals("Some bold and soft words with code and a link.", paragraph.rawText());
        DocumentPart.Content list = (DocumentPart.Content) parts.get(2);
        assertEquals(BlockKind.LIST, list.kind());
        assertEquals(List.of("one", "nested", "two"), list.items());
        assertEquals(3, parts.size(), () -> "code, html and front matter left out: " + parts);
        assertTrue(MarkdownReader.reads("text/plain", "README.md"));
    }
}
