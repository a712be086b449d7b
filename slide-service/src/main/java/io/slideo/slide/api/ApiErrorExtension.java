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
        ErrorCode known = codeOf(exception);
        ErrorCode code = known != null ? known : ErrorCode.INTERNAL;
        String message = known != null ? exception.getMessage() : "Something went wrong on our side; try again";
        return Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", message)
                .add("retryable", code.retryable())
                .build();
    }

    /**
     * The code of the SlideoException behind an error, which GraphQL may hand over wrapped. Matched by
     * name too: under test, Quarkus restarts the application per test class and this provider (loaded
     * once through the ServiceLoader) may see the exception class of another class loader.
     */
    private static ErrorCode codeOf(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SlideoException slideo) {
                return slideo.code();
            }
            if (t.getClass().getName().equals(SlideoException.class.getName())) {
                try {
                    return ErrorCode.valueOf(String.valueOf(t.getClass().getMethod("code").invoke(t)));
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
