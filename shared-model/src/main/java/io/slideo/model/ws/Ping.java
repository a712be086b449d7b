package io.slideo.model.ws;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Keep-alive; answered by an ack. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Ping() implements ClientPayload {
}
