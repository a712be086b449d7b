package io.slideo.slide.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.logging.Log;
import io.slideo.model.error.ApiError;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;

/**
 * Puts the shared error shape into every GraphQL error as {@code extensions.error}
 * ({@code code, message, retryable, request_id}), whatever refused the query: a resolver, validation,
 * or a limit. A failure we did not expect is logged here, once, with its stack trace; the client
 * reads a plain sentence and the request id to quote, never a Java class name.
 */
final class GraphQLErrorShape extends SimplePerformantInstrumentation {
    /** Where Quarkus puts the request's HTTP headers in the GraphQL context. */
    static final String HTTP_HEADERS = "httpHeaders";
    static final String UNEXPECTED = "Something went wrong on our side; try again";
    // graphql-java's words for SmallRye's quarkus.smallrye-graphql.instrumentation-query-* limits.
    private static final Pattern LIMIT = Pattern.compile("maximum query (depth|complexity) exceeded (\\d+) > (\\d+)");
    // With introspection off (field-visibility=no-introspection) the fields of __Schema and __Type are hidden.
    private static final Pattern INTROSPECTION = Pattern.compile("'__(schema|type)'|in type '__[A-Za-z]+'");

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        return CompletableFuture.completedFuture(shaped(result, requestId(parameters.getGraphQLContext())));
    }

    static ExecutionResult shaped(ExecutionResult result, String requestId) {
        List<GraphQLError> errors = result.getErrors().stream().map(e -> shaped(e, requestId)).toList();
        return result.transform(builder -> builder.errors(errors));
    }

    static GraphQLError shaped(GraphQLError error, String requestId) {
        ApiError api = apiError(error, requestId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", api.code().name());
        body.put("message", api.message());
        body.put("retryable", api.retryable());
        body.put("request_id", api.requestId());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getErrorType() != null) {
            extensions.put("classification", error.getErrorType().toString());
        }
        extensions.put("error", body);
        return GraphqlErrorBuilder.newError()
                .message("%s", api.message())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType() != null ? error.getErrorType() : ErrorType.DataFetchingException)
                .extensions(extensions)
                .build();
    }

    /** The request's X-Request-Id (the gateway always sends one), or a new id when called directly. */
    static String requestId(GraphQLContext context) {
        Map<String, List<String>> headers = context == null ? null : context.get(HTTP_HEADERS);
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (RequestIds.HEADER.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                    return RequestIds.orNew(header.getValue().get(0));
                }
            }
        }
        return RequestIds.orNew(null);
    }

    private static ApiError apiError(GraphQLError error, String requestId) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromResolver(fetching, requestId);
        }
        if (error instanceof AliasLimit.LimitExceeded) {
            return ApiError.of(ErrorCode.TOO_LARGE, error.getMessage(), requestId);
        }
        String message = error.getMessage() == null ? "The query is not valid" : error.getMessage();
        Matcher limit = LIMIT.matcher(message);
        if (error.getErrorType() == ErrorType.ExecutionAborted && limit.find()) {
            return ApiError.of(ErrorCode.TOO_LARGE, "The query's " + limit.group(1) + " is " + limit.group(2)
                    + "; the maximum query " + limit.group(1) + " is " + limit.group(3), requestId);
        }
        if (error.getErrorType() == ErrorType.ValidationError && INTROSPECTION.matcher(message).find()) {
            return ApiError.of(ErrorCode.INVALID_FIELD, "Introspection is turned off on this server", requestId);
        }
        return ApiError.of(ErrorCode.INVALID_FIELD, message, requestId);
    }

    private static ApiError fromResolver(ExceptionWhileDataFetching error, String requestId) {
        for (Throwable t = error.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SlideoException known) {
                return ApiError.of(known.code(), known.getMessage(), requestId);
            }
        }
        Log.errorf(error.getException(), "GraphQL field %s failed unexpectedly (request %s)", error.getPath(),
                requestId);
        return ApiError.of(ErrorCode.INTERNAL, UNEXPECTED, requestId);
    }
}
