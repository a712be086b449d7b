package io.slideo.websocket.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of content-service {@code POST /api/v1/research}; absent fields are left out, not sent as null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResearchQuery(String query, Integer maxResults) {
}
