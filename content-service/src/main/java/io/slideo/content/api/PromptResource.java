package io.slideo.content.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.slideo.content.service.PromptCatalog;
import io.slideo.model.error.SlideoException;

/** The catalog of prompt templates the workers use (read-only: templates change with a release). */
@Path("/api/v1/prompts")
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {
    private final PromptCatalog catalog;

    PromptResource(PromptCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<PromptView> list() {
        return catalog.list();
    }

    @GET
    @Path("/{name}")
    public PromptView get(@RestPath String name) {
        return catalog.get(name).orElseThrow(() -> SlideoException.notFound("Prompt template", name));
    }
}
