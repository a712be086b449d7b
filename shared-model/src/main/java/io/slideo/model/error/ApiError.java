package io.slideo.model.error;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one error shape every surface answers with. */
public record ApiError(
        ErrorCode code,
        String message,
        boolean retryable,
        @JsonProperty("request_id") String requestId) {

    public static ApiError of(ErrorCode code, String message, String requestId) {
        return new ApiError(code, message, code.retryable(), requestId);
    }
}
