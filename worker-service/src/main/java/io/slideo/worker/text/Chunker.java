package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.List;

import io.slideo.model.document.Block;
import io.slideo.model.document.Chunk;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;

/**
 * Cuts a document into retrievable chunks of about {@code targetCharacters}: a chunk never crosses a
 * section (so it has one heading to cite) and keeps the pages it spans; a block longer than a chunk
 * is cut between sentences.
 */
public final class Chunker {
    private final int targetCharacters;

    public Chunker(int targetCharacters) {
        this.targetCharacters = targetCharacters;
    }

    public List<Chunk> chunks(ExtractedDocument document) {
        List<Chunk> chunks = new ArrayList<>();
        List<Section> sections = document.sections();
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            StringBuilder text = new StringBuilder();
            int first = -1;
            int last = -1;
            for (Block block : section.blocks()) {
                for (String piece : pieces(block.text())) {
                    if (text.length() > 0 && text.length() + piece.length() > targetCharacters) {
                        chunks.add(new Chunk(chunks.size(), s, section.title(), first, last, text.toString()));
                        text.setLength(0);
                        first = -1;
                    }
                    if (first < 0) {
                        first = block.page();
                    }
                    last = block.page();
                    text.append(text.length() > 0 ? "\n" : "").append(piece);
                }
            }
            if (text.length() > 0) {
                chunks.add(new Chunk(chunks.size(), s, section.title(), first, last, text.toString()));
            }
        }
        return chunks;
    }

    /** The block as is, or its sentences grouped under the target size when it is longer. */
    private List<String> pieces(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() <= targetCharacters) {
            return List.of(text.strip());
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : Sentences.split(text)) {
            if (piece.length() > 0 && piece.length() + sentence.length() > targetCharacters) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.length() > 0 ? " " : "").append(sentence);
        }
        if (piece.length() > 0) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
