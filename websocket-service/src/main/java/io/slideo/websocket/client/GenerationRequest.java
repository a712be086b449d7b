package io.slideo.websocket.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of slide-service {@code POST /api/v1/decks/{deckId}/generations}; every field is optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationRequest(List<Integer> slideIndexes, String instructions, String model) {
}
