package io.slideo.content.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.SlideoException;
import io.slideo.model.error.UpstreamUnavailable;
import io.slideo.runtime.client.UpstreamFailures;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;

// Every call: a breaker that stops calling a failing service for 5 s (after half of 10 calls failed on
// its side) so callers get a clear UNAVAILABLE at once instead of a timeout each.
/** document-service, called with the user's own token: it answers 404 for someone else's document. */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        failOn = { UpstreamUnavailable.class, ProcessingException.class })
@RegisterRestClient(configKey = "document-service")
@Path("/api/v1/documents")
public interface DocumentServiceClient {

    @GET
    @Path("/{id}")
    // Idempotent: tried twice more when the failure was on the other side or on the way there.
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @RetryWhen(exception = UpstreamFailures.Retryable.class)
    Uni<DocumentSummary> get(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    @ClientExceptionMapper
    static SlideoException toException(Response response) {
        return UpstreamFailures.fromResponse("document-service", response);
    }

    /** The fields of a document this service needs. */
    record DocumentSummary(String id, String fileName, String status, String errorCode, String errorMessage) {
    }
}
