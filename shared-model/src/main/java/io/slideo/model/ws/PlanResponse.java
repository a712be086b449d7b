package io.slideo.model.ws;

import java.util.List;

import io.slideo.model.deck.PlannedSlide;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A content plan is ready; its deck can be generated. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlanResponse(String planId, String deckId, String title, String themeId, List<PlannedSlide> slides) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.PLAN_RESPONSE;
    }
}
