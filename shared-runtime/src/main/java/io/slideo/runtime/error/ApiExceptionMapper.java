package io.slideo.runtime.error;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.slideo.model.error.ApiError;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.Outages;
import io.slideo.model.error.SlideoException;

/** The one place a REST failure becomes the {@link ApiError} shape. */
public class ApiExceptionMapper {
    static final String OUTAGE = "A part of Slideo is restarting or unreachable; try again in a few seconds";
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response slideo(SlideoException e, HttpHeaders headers) {
        return respond(e.code(), e.getMessage(), headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        String message = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return respond(ErrorCode.INVALID_FIELD, message, headers);
    }

    // Replaces Quarkus's own mapper, which answers a mistyped field with an empty 400.
    @ServerExceptionMapper
    public Response mistypedField(MismatchedInputException e, HttpHeaders headers) {
        return respond(ErrorCode.INVALID_FIELD, JsonFieldErrors.mismatched(e), headers);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized(RuntimeException e, HttpHeaders headers) {
        return respond(ErrorCode.UNAUTHORIZED, "A valid bearer token is required", headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return respond(ErrorCode.FORBIDDEN, "Not allowed", headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        // Quarkus's JSON reader wraps a body it cannot parse (or bind) in a plain 400.
        if (status == 400 && e.getCause() instanceof JsonMappingException mapping) {
            return respond(ErrorCode.INVALID_FIELD, JsonFieldErrors.mismatched(mapping), headers);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return respond(ErrorCode.INVALID_JSON, JsonFieldErrors.unreadable(unreadable), headers);
        }
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.INVALID_FIELD;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404, 405 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_FIELD;
        };
        return respond(code, e.getMessage(), headers);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        // A database, Redis or service that is down or restarting is not a bug: the user may try again soon.
        if (Outages.causes(e).stream().anyMatch(Outages::isOutage)) {
            Log.warnf("Unavailable for now: %s", e.toString());
            return Response.fromResponse(respond(ErrorCode.UNAVAILABLE, OUTAGE, headers))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        Log.errorf(e, "Unexpected failure");
        return respond(ErrorCode.INTERNAL, "Something went wrong on our side; try again", headers);
    }

    private static Response respond(ErrorCode code, String message, HttpHeaders headers) {
        String requestId = RequestIds.orNew(headers.getHeaderString(RequestIds.HEADER));
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestIds.HEADER, requestId)
                .entity(ApiError.of(code, message, requestId))
                .build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
