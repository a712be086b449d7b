package io.slideo.slide.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.ApiError;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.mutiny.Uni;

/**
 * content-service, called with the user's own token for the one-shot path: it checks the documents
 * and the theme as for any plan and answers in the shared error shape, which is passed on as it is.
 */
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
        ApiError error = null;
        try {
            if (response.hasEntity()) {
                error = response.readEntity(ApiError.class);
            }
        } catch (RuntimeException ignored) {
            // not the shared shape: answered below from the status alone
        }
        if (error != null && error.code() != null) {
            return new SlideoException(error.code(), error.message());
        }
        return response.getStatus() >= 500
                ? new SlideoException(ErrorCode.UNAVAILABLE, "The content service did not answer; try again shortly")
                : new SlideoException(ErrorCode.INVALID_FIELD, "The content service refused the plan (HTTP "
                        + response.getStatus() + ")");
    }
}
