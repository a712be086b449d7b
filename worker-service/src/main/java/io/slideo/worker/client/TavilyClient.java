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
import com.fasterxml.jackson.annotation.JsonProperty;

/** Tavily's search API (https://docs.tavily.com): a query in, ranked pages with excerpts out. */
@RegisterRestClient(configKey = "tavily")
@Path("/")
public interface TavilyClient {

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SearchResponse search(@HeaderParam("Authorization") String authorization, SearchRequest request);

    record SearchRequest(String query, @JsonProperty("max_results") int maxResults,
            @JsonProperty("search_depth") String searchDepth) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SearchResponse(String query, List<Result> results) {
        public SearchResponse {
            results = results == null ? List.of() : results;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String title, String url, String content, Double score) {
    }
}
