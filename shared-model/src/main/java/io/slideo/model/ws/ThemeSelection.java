package io.slideo.model.ws;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Pick the theme of the decks this session plans next. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ThemeSelection(String themeId) implements ClientPayload {
}
