package io.slideo.model.ws;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Write (or rewrite) all slides of a planned deck, or only those listed; {@code model} optionally picks
 * a model from the deployment's allow-list.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SlideGeneration(String deckId, List<Integer> slideIndexes, String instructions, String model) implements ClientPayload {
}
