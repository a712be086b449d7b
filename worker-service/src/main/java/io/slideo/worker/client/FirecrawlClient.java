package io.slideo.worker.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Firecrawl's scrape API (https://docs.firecrawl.dev): a page's main content, as HTML. */
@RegisterRestClient(configKey = "firecrawl")
@Path("/v1")
public interface FirecrawlClient {

    @POST
    @Path("scrape")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ScrapeResponse scrape(@HeaderParam("Authorization") String authorization, ScrapeRequest request);

    record ScrapeRequest(String url, List<String> formats, boolean onlyMainContent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScrapeResponse(boolean success, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String html, String markdown, Metadata metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String title, String sourceURL) {
    }
}
