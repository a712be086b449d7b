package io.slideo.websocket.client;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;

/**
 * How another service's failure reaches the user: an answer in the one error shape keeps its code
 * and message; no answer at all (refused, reset, timed out) is UNAVAILABLE, worth retrying.
 */
public final class UpstreamFailures {
    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    private UpstreamFailures() {
    }

    static SlideoException fromResponse(String service, Response response) {
        int status = response.getStatus();
        String body = readBody(response);
        try {
            JsonNode error = body == null ? null : MAPPER.readTree(body);
            if (error != null && error.path("code").isTextual()) {
                ErrorCode code = ErrorCode.valueOf(error.path("code").asText());
                String message = error.path("message").asText(service + " refused the request");
                return new SlideoException(code, message);
            }
        } catch (Exception e) {
            // Not the one error shape (a proxy's page, an unknown code): fall back to the status.
        }
        Log.warnf("%s answered %d without an ApiError body", service, status);
        return new SlideoException(codeOf(status), service + " answered " + status);
    }

    /** Any failure of a call to {@code service} as a SlideoException the user can act on. */
    public static SlideoException translate(String service, Throwable failure) {
        if (failure instanceof SlideoException slideo) {
            return slideo;
        }
        Log.warnf("%s could not be reached: %s", service, failure.toString());
        return new SlideoException(ErrorCode.UNAVAILABLE, service + " is not reachable right now; try again shortly",
                failure);
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ErrorCode codeOf(int status) {
        return switch (status) {
            case 400, 422 -> ErrorCode.INVALID_FIELD;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
        };
    }
}
