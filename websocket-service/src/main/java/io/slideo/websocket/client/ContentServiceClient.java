package io.slideo.websocket.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.mutiny.Uni;

/** content-service, called with the user's own token (URL and timeouts: quarkus.rest-client.content-service.*). */
@RegisterRestClient(configKey = "content-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ContentServiceClient {

    @GET
    @Path("/themes/{id}")
    Uni<JsonNode> theme(@PathParam("id") String themeId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @POST
    @Path("/plans")
    Uni<JsonNode> requestPlan(PlanRequest request,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @POST
    @Path("/research")
    Uni<JsonNode> requestResearch(ResearchQuery query,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @ClientExceptionMapper
    static SlideoException toException(Response response) {
        return UpstreamFailures.fromResponse("content-service", response);
    }
}
