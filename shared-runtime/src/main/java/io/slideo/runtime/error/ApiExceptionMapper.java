package io.slideo.runtime.error;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.slideo.model.error.ApiError;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/** The one place a REST failure becomes the {@link ApiError} shape. */
public class ApiExceptionMapper {

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
