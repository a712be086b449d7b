package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A slide was written and stored as a new version. {@code html} is the slide as the HTML export draws
 * it (its {@code <section class="slide">}, with the deck's theme in its inline styles), figures drawn as
 * a placeholder box with their caption so that a notification stays small; null when it could not be
 * drawn or would not fit a notification (the browser then shows the title).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SlideComplete(String deckId, String generationId, int slideIndex, int version, String title, int completed,
        int total, String html) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.SLIDE_COMPLETE;
    }
}
