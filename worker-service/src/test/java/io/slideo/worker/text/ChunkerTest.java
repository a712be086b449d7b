package io.slideo.worker.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.Block;
import io.slideo.model.document.Chunk;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;

class ChunkerTest {

    @Test
    void chunksStayInsideTheirSectionAndKeepTheirPages() {
        List<Block> long1 = new ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            long1.add(Block.paragraph(("Sentence about engines on page " + page + ". ").repeat(10), page));
        }
        ExtractedDocument document = new ExtractedDocument("d", "T", "en", "application/pdf", 8, 0, Map.of(), List.of(
                new Section("Engines", 1, 1, 6, long1),
                new Section("Brakes", 1, 7, 8, List.of(Block.paragraph("Brakes stop the car.", 7),
                        Block.paragraph("Discs last longer than drums.", 8)))));

        List<Chunk> chunks = new Chunker(1000).chunks(document);

        assertTrue(chunks.size() >= 3, "the long section is cut: " + chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.text().length() <= 1000), "each chunk near its target size");
        Chunk last = chunks.get(chunks.size() - 1);
        assertEquals("Brakes", last.sectionTitle());
        assertEquals(7, last.pageStart());
        assertEquals(8, last.pageEnd());
        assertTrue(chunks.stream().filter(c -> c.section() == 0).noneMatch(c -> c.text().contains("Brakes")),
                "no chunk crosses a section");
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(i, chunks.get(i).index());
        }
    }
}
