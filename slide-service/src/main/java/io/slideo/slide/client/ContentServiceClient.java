package io.slideo.slide.client;

import java.time.temporal.ChronoUnit;
import java.util.List;

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

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.SlideoException;
import io.slideo.model.error.UpstreamUnavailable;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.mutiny.Uni;

// Every call: a breaker that stops calling a failing service for 5 s (after half of 10 calls failed on
// its side) so callers get a clear UNAVAILABLE at once instead of a timeout each.
/**
 * content-service, called with the user's own token for the one-shot path: it checks the documents
 * and the theme as for any plan and answers in the shared error shape, which is passed on as it is.
 */
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        failOn = { UpstreamUnavailable.class, ProcessingException.class })
@RegisterRestClient(configKey = "content-service")
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ContentServiceClient {

    @POST
    Uni<PlanAccepted> requestPlan(PlanRequest request, @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    /** The body of content-service's POST /api/v1/plans; absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanRequest(List<String> documentIds, String description, Integer slideCount, String themeId,
            Boolean research, String model) {
    }

    /** The fields of the accepted plan this service needs; the plan id is the deck id. */
    record PlanAccepted(String id, String deckId, String status, String themeId, int slideCount) {
    }

    @ClientExceptionMapper
    static SlideoException toException(Response response) {
        return UpstreamFailures.fromResponse("content-service", response);
    }
}
