package io.slideo.content.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** document-service, called with the user's own token: it answers 404 for someone else's document. */
@RegisterRestClient(configKey = "document-service")
@Path("/api/v1/documents")
public interface DocumentServiceClient {

    @GET
    @Path("/{id}")
    Uni<DocumentSummary> get(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    /** The fields of a document this service needs. */
    record DocumentSummary(String id, String fileName, String status, String errorCode, String errorMessage) {
    }
}
