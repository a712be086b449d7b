package io.slideo.model.ws;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What web research found, or why it did not run. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResearchResponse(String query, List<String> results, String message, List<Source> sources)
        implements ServerPayload {

    public ResearchResponse(String query, List<String> results, String message) {
        this(query, results, message, List.of());
    }

    /** A found page: where it is and what it says, in short. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Source(String url, String title, String summary) {
    }

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.RESEARCH_RESPONSE;
    }
}
