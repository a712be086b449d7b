package io.slideo.content.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.slideo.content.service.ThemeCatalog;
import io.slideo.model.error.SlideoException;
import io.slideo.model.theme.Theme;

@Path("/api/v1/themes")
@Produces(MediaType.APPLICATION_JSON)
public class ThemeResource {
    private final ThemeCatalog themes;

    ThemeResource(ThemeCatalog themes) {
        this.themes = themes;
    }

    @GET
    public List<Theme> list() {
        return themes.all();
    }

    @GET
    @Path("/{id}")
    public Theme get(@RestPath String id) {
        return themes.find(id).orElseThrow(() -> SlideoException.notFound("Theme", id));
    }
}
