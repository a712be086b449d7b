package io.slideo.content.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.slideo.content.service.ResearchService;
import io.slideo.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/**
 * The web research of a research request by its id (a plan's research is also under
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

    @GET
    @Path("/{id}")
    public Uni<ResearchView> get(@RestPath String id) {
        return research.get(user.id(), id);
    }
}
