package io.slideo.model.ws;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Search the web for a topic (needs a research key). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResearchRequest(String query) implements ClientPayload {
}
