package io.slideo.model.ws;

import io.slideo.model.error.ErrorCode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The one error format: a stable code, a message a person can act on, and whether to retry. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorResponse(ErrorCode code, String message, boolean retryable, String requestId) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.ERROR_RESPONSE;
    }
}
