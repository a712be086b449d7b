package io.slideo.runtime.client;

import java.util.function.Predicate;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.Outages;
import io.slideo.model.error.SlideoException;
import io.slideo.model.error.UpstreamUnavailable;
import io.slideo.model.event.EventCodec;

/**
 * How another service's failure reaches the user, for every REST client between services: an answer in
 * the one error shape keeps its code and message; a failure on the other side (5xx, 408) is an
 * {@link UpstreamUnavailable}, which the clients' retries and circuit breakers count; no answer at all
 * (refused, reset, timed out) and an open breaker are UNAVAILABLE, worth retrying later.
 */
public final class UpstreamFailures {
    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    private UpstreamFailures() {
    }

    /** For a client's {@code @ClientExceptionMapper}: the answer of {@code service} that was not a success. */
    public static SlideoException fromResponse(String service, Response response) {
        int status = response.getStatus();
        boolean theirFailure = status >= 500 || status == 408;
        String body = readBody(response);
        try {
            JsonNode error = body == null ? null : MAPPER.readTree(body);
            if (error != null && error.path("code").isTextual()) {
                ErrorCode code = ErrorCode.valueOf(error.path("code").asText());
                String message = error.path("message").asText(service + " refused the request");
                return theirFailure ? new UpstreamUnavailable(code, message) : new SlideoException(code, message);
            }
        } catch (Exception e) {
            // Not the one error shape (a proxy's page, an unknown code): fall back to the status.
        }
        Log.warnf("%s answered %d without an ApiError body", service, status);
        return theirFailure ? new UpstreamUnavailable(ErrorCode.UNAVAILABLE, service + " answered " + status)
                : new SlideoException(codeOf(status), service + " answered " + status);
    }

    /** Any failure of a call to {@code service} as a SlideoException the user can act on. */
    public static SlideoException translate(String service, Throwable failure) {
        if (failure instanceof SlideoException slideo) {
            return slideo;
        }
        if (isOpenBreaker(failure)) {
            return new UpstreamUnavailable(service + " is failing, so Slideo paused its calls to it for a few seconds;"
                    + " try again shortly", failure);
        }
        Log.warnf("%s could not be reached: %s", service, failure.toString());
        return new UpstreamUnavailable(service + " is not reachable right now; try again shortly", failure);
    }

    /**
     * For {@code @RetryWhen}: a failure on the other side or on the way there may pass, so an idempotent
     * call is tried again; a refusal of the request is not, and neither is an open breaker (waiting a
     * few hundred milliseconds would not close it).
     */
    public static final class Retryable implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return !isOpenBreaker(failure) && (failure instanceof UpstreamUnavailable
                    || !(failure instanceof SlideoException) && Outages.causes(failure).stream().anyMatch(Outages::isOutage));
        }
    }

    // Named, not imported: MicroProfile Fault Tolerance is only on the classpath of services with clients.
    private static boolean isOpenBreaker(Throwable failure) {
        return failure.getClass().getSimpleName().equals("CircuitBreakerOpenException");
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
            default -> ErrorCode.INTERNAL;
        };
    }
}
