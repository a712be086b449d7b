package io.slideo.runtime.error;

import java.util.UUID;

/** Requests are correlated by the X-Request-Id header; one is made up when a client sends none. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static String orNew(String requestId) {
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }
}
