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
        ErrorCode code = exception instanceof SlideoException slideo ? slideo.code() : ErrorCode.INTERNAL;
        String message = exception instanceof SlideoException ? exception.getMessage()
                : "Something went wrong on our side; try again";
        return Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", message)
                .add("retryable", code.retryable())
                .build();
    }
}
