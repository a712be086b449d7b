package io.slideo.content.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.slideo.content.service.ResearchService;
import io.slideo.runtime.error.RequestIds;
import io.slideo.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/**
 * Web research: asked for here (or by research_request over the WebSocket), read back by its id (a plan's research is also under
 * {@code /api/v1/plans/{id}/research}, in PlanResource); only its owner sees it.
 */
@Path("/api/v1/research")
@Produces(MediaType.APPLICATION_JSON)
public class ResearchResource {
    private final ResearchService research;
    private final CurrentUser user;

    ResearchResource(ResearchService research, CurrentUser user) {
        this.research = research;
        this.user = user;
    }

    /** Accepted at once (202, status searching); the answer arrives as a research_response message. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ResearchView>> request(@Valid @NotNull ResearchRequest request,
            @RestHeader(RequestIds.HEADER) String requestId) {
        return research.request(user.id(), RequestIds.orNew(requestId), request).map(RestResponse::accepted);
    }

    @GET
    @Path("/{id}")
    public Uni<ResearchView> get(@RestPath String id) {
        return research.get(user.id(), id);
    }
}
