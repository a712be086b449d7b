package io.slideo.model.error;

/** A failure with a code a client can act on; every service maps it to {@link ApiError}. */
public class SlideoException extends RuntimeException {
    private final ErrorCode code;

    public SlideoException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SlideoException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static SlideoException notFound(String what, Object id) {
        return new SlideoException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist");
    }
}
