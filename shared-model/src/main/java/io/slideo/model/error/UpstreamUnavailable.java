package io.slideo.model.error;

/**
 * Another Slideo service failed on its side (answered 5xx or 408) or could not be reached: worth a
 * retry of an idempotent call, and what opens a circuit breaker, unlike a refusal of the request itself.
 */
public class UpstreamUnavailable extends SlideoException {

    public UpstreamUnavailable(ErrorCode code, String message) {
        super(code, message);
    }

    public UpstreamUnavailable(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
