package io.slideo.model.error;

/**
 * The one list of error codes, used by REST, GraphQL, the WebSocket and failure events alike.
 * The HTTP status is the one REST answers with; {@code retryable} tells a client whether trying
 * the same request again later can succeed.
 */
public enum ErrorCode {
    INVALID_JSON(400, false),
    UNKNOWN_TYPE(400, false),
    INVALID_FIELD(400, false),
    TOO_LARGE(413, false),
    UNAUTHORIZED(401, false),
    FORBIDDEN(403, false),
    NOT_FOUND(404, false),
    CONFLICT(409, true),
    RATE_LIMITED(429, true),
    // A per-user allowance (storage, documents, decks in writing, parse time, model tokens) is spent:
    // the message says what is left; asking again helps only once something is freed or the period turns.
    QUOTA_EXCEEDED(429, false),
    CONNECTION_LIMIT(503, true),
    UNAVAILABLE(503, true),
    INTERNAL(500, true),
    // Document outcomes: the file itself is the problem, so sending it again will not help.
    EMPTY(422, false),
    ENCRYPTED(422, false),
    CORRUPT(422, false),
    UNSUPPORTED_TYPE(415, false),
    TIMEOUT(422, false),
    OCR_UNAVAILABLE(422, false);

    private final int httpStatus;
    private final boolean retryable;

    ErrorCode(int httpStatus, boolean retryable) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }
}
