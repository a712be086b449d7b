package io.slideo.worker.model;

import java.io.IOException;
import java.net.ConnectException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;

/** What a failed model call means: worth retrying, and whether it says the endpoint is unwell. */
public final class ModelFailures {
    private ModelFailures() {
    }

    /** 429, 5xx, timeouts and connection failures are retried; a bad request or a bad key is not. */
    static boolean retryable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof CircuitBreakerOpenException || e instanceof BulkheadException) {
                return false;
            }
            if (e instanceof RateLimitException || e instanceof InternalServerException
                    || e instanceof dev.langchain4j.exception.TimeoutException
                    || e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                    || e instanceof java.util.concurrent.TimeoutException || e instanceof ConnectException) {
                return true;
            }
            if (e instanceof HttpException http) {
                return rateLimited(http) || http.statusCode() >= 500 || http.statusCode() == 408;
            }
            if (e instanceof NonRetriableException) {
                return false;
            }
            if (e instanceof RetriableException || e instanceof IOException) {
                return true;
            }
            if (e.getClass().getName().contains("ProcessingException")) {
                return true; // the REST client's wrapper of connection and read failures
            }
        }
        return false;
    }

    /** What counts against an endpoint's circuit breaker: it is down or hung, not merely busy (429). */
    static boolean endpointFailure(Throwable failure) {
        return retryable(failure) && !rateLimited(failure);
    }

    static boolean rateLimited(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RateLimitException || e instanceof HttpException http && http.statusCode() == 429) {
                return true;
            }
        }
        return false;
    }

    /** The classes of a failure and its causes, for the logs. */
    static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable e = failure; e != null && out.length() < 400; e = e.getCause() == e ? null : e.getCause()) {
            out.append(out.length() > 0 ? " <- " : "").append(e.getClass().getSimpleName());
        }
        return out.toString();
    }

    /** A line for the user and the logs: what went wrong, without the server's whole answer. */
    public static String describe(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "the model's server failed repeatedly, so calls to it are paused";
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || failure instanceof dev.langchain4j.exception.TimeoutException) {
            return "the model did not answer in time";
        }
        if (rateLimited(failure)) {
            return "the model's server is rate limiting";
        }
        if (failure instanceof HttpException http) {
            return "the model's server answered " + http.statusCode();
        }
        if (failure instanceof InternalServerException) {
            return "the model's server failed (5xx)";
        }
        if (failure instanceof dev.langchain4j.exception.AuthenticationException) {
            return "the model's server refused the key";
        }
        if (failure instanceof dev.langchain4j.exception.ModelNotFoundException) {
            return "the model's server does not know this model";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
