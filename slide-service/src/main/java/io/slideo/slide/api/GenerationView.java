package io.slideo.slide.api;

import java.util.List;

import io.slideo.slide.domain.Generation;
import io.slideo.slide.domain.JsonColumns;

public record GenerationView(String generationId, String deckId, String status, List<Integer> slideIndexes) {

    static GenerationView of(Generation g) {
        return new GenerationView(g.id.toString(), g.deckId.toString(), g.status.name().toLowerCase(),
                JsonColumns.slideIndexes(g));
    }
}
