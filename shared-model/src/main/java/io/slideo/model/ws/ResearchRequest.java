package io.slideo.model.ws;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Search the web for a topic (needs a research key); {@code max_results} (1 to 10) defaults to 5. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResearchRequest(String query, Integer maxResults) implements ClientPayload {
}
