package io.slideo.model.ws;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Replay what this user missed after notification number {@code lastSeq}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Resume(Long lastSeq) implements ClientPayload {
}
