package io.slideo.websocket.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.smallrye.mutiny.Uni;

/**
 * document-service, for files uploaded in chunks over the WebSocket: the assembled file goes through
 * the very same checks as a REST upload (size, type from the bytes), with the user's own token.
 */
@RegisterRestClient(configKey = "document-service")
@Path("/api/v1/documents")
public interface DocumentServiceClient {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> upload(ClientMultipartForm form,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @ClientExceptionMapper
    static SlideoException toException(Response response) {
        return UpstreamFailures.fromResponse("document-service", response);
    }
}
