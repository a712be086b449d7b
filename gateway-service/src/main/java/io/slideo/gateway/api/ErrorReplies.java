package io.slideo.gateway.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.error.ApiError;
import io.slideo.model.error.ErrorCode;
import io.slideo.runtime.error.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own answers (no route, not signed in, too many requests, upstream down) in the one error shape. */
@Singleton
public class ErrorReplies {
    static final String JSON = "application/json";
    private final ObjectMapper json;

    ErrorReplies(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext rc, ErrorCode code, String message) {
        if (rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode(code.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(body(code, message, requestIdOf(rc.request())));
    }

    public Buffer body(ErrorCode code, String message, String requestId) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(ApiError.of(code, message, requestId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ApiError is always serialisable", e);
        }
    }

    /** EdgeHeaders has put an id on every request before anything else runs. */
    static String requestIdOf(HttpServerRequest request) {
        return RequestIds.orNew(request.getHeader(RequestIds.HEADER));
    }
}
