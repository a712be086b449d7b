package io.slideo.slide.api;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * Puts the shared error shape into every GraphQL error as {@code extensions.error}
 * ({@code code, message, retryable}), so GraphQL clients read the same codes as REST clients.
 */
public class ApiErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "error";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        SlideoException slideo = slideoCause(exception);
        ErrorCode code = slideo != null ? slideo.code() : ErrorCode.INTERNAL;
        String message = slideo != null ? slideo.getMessage() : "Something went wrong on our side; try again";
        return Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", message)
                .add("retryable", code.retryable())
                .build();
    }

    /** The SlideoException behind an error, which GraphQL may hand over wrapped. */
    private static SlideoException slideoCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SlideoException slideo) {
                return slideo;
            }
        }
        return null;
    }
}
