package io.slideo.websocket.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.SlideoException;
import io.slideo.model.error.UpstreamUnavailable;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.mutiny.Uni;

// Every call: a breaker that stops calling a failing service for 5 s (after half of 10 calls failed on
// its side) so callers get a clear UNAVAILABLE at once instead of a timeout each.
/**
 * document-service, for files uploaded in chunks over the WebSocket: the assembled file goes through
 * the very same checks as a REST upload (size, type from the bytes), with the user's own token.
 */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        failOn = { UpstreamUnavailable.class, ProcessingException.class })
@RegisterRestClient(configKey = "document-service")
@Path("/api/v1/documents")
public interface DocumentServiceClient {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> upload(ClientMultipartForm form,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @ClientExceptionMapper
    static SlideoException toException(Response response) {
        return UpstreamFailures.fromResponse("document-service", response);
    }
}
