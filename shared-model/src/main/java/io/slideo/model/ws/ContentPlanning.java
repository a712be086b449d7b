package io.slideo.model.ws;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Ask for a content plan over some documents; the theme defaults to the session's; {@code model}
 * optionally picks a model from the deployment's allow-list.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContentPlanning(List<String> documentIds, String description, Integer slideCount, String themeId, Boolean research, String model) implements ClientPayload {
}
