package io.slideo.websocket.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of content-service {@code POST /api/v1/plans}; absent fields are left out, not sent as null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanRequest(List<String> documentIds, String description, Integer slideCount, String themeId,
        Boolean research, String model) {
}
