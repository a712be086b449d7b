package io.slideo.content.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.slideo.content.service.PlanService;
import io.slideo.content.service.ResearchService;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.slideo.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final PlanService plans;
    private final CurrentUser user;
    private final ResearchService research;

    PlanResource(PlanService plans, CurrentUser user, ResearchService research) {
        this.plans = plans;
        this.user = user;
        this.research = research;
    }

    /** Accepted at once (202); the outline arrives as a plan_response message when a worker drafted it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PlanView>> request(@Valid @NotNull PlanRequest request,
            @RestHeader(RequestIds.HEADER) String requestId) {
        return plans.request(user.id(), user.bearerToken(), RequestIds.orNew(requestId), request)
                .map(plan -> RestResponse.accepted(PlanView.of(plan)));
    }

    @GET
    public Uni<List<PlanView>> list() {
        return plans.list(user.id()).map(all -> all.stream().map(PlanView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<PlanView> get(@RestPath String id) {
        return plans.get(user.id(), parseId(id)).map(PlanView::of);
    }

    /** The web research the plan's research step found (its id is the plan's), with each source's URL. */
    @GET
    @Path("/{id}/research")
    public Uni<ResearchView> research(@RestPath String id) {
        return research.get(user.id(), parseId(id).toString());
    }

    /**
     * The user's edit of a drafted plan (reorder, rename, drop, add slides): stored as the next
     * revision; the deck follows it and a plan_response with the edited plan reaches the user.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlanView> edit(@RestPath String id, PlanEdit edit, @RestHeader(RequestIds.HEADER) String requestId) {
        return plans.edit(user.id(), RequestIds.orNew(requestId), parseId(id), edit).map(PlanView::of);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SlideoException.notFound("Plan", id);
        }
    }
}
