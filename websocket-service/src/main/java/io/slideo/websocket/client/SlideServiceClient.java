package io.slideo.websocket.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.SlideoException;
import io.slideo.model.error.UpstreamUnavailable;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.mutiny.Uni;

// Every call: a breaker that stops calling a failing service for 5 s (after half of 10 calls failed on
// its side) so callers get a clear UNAVAILABLE at once instead of a timeout each.
/** slide-service, called with the user's own token (URL and timeouts: quarkus.rest-client.slide-service.*). */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        failOn = { UpstreamUnavailable.class, ProcessingException.class })
@RegisterRestClient(configKey = "slide-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SlideServiceClient {

    @POST
    @Path("/decks/{deckId}/generations")
    Uni<JsonNode> requestGeneration(@PathParam("deckId") String deckId, GenerationRequest request,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @ClientExceptionMapper
    static SlideoException toException(Response response) {
        return UpstreamFailures.fromResponse("slide-service", response);
    }
}
