package io.slideo.content.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.slideo.content.service.ThemeService;
import io.slideo.model.theme.Theme;
import io.slideo.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

/** The built-in themes and the caller's own; custom themes are checked for colours, contrast, fonts and sizes. */
@Path("/api/v1/themes")
@Produces(MediaType.APPLICATION_JSON)
public class ThemeResource {
    private final ThemeService themes;
    private final CurrentUser user;

    ThemeResource(ThemeService themes, CurrentUser user) {
        this.themes = themes;
        this.user = user;
    }

    @GET
    public Uni<List<Theme>> list() {
        return themes.list(user.id());
    }

    @GET
    @Path("/{id}")
    public Uni<Theme> get(@RestPath String id) {
        return themes.find(user.id(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Theme>> create(ThemeRequest request) {
        return themes.create(user.id(), request).map(theme -> RestResponse.status(RestResponse.Status.CREATED, theme));
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return themes.delete(user.id(), id).map(ignored -> RestResponse.noContent());
    }
}
