package io.slideo.document.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.slideo.document.service.DocumentService;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.slideo.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    private final DocumentService documents;
    private final CurrentUser user;

    DocumentResource(DocumentService documents, CurrentUser user) {
        this.documents = documents;
        this.user = user;
    }

    /** Multipart upload with one part named {@code file}; answers 201 with the stored document. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<RestResponse<DocumentView>> upload(@RestForm("file") FileUpload file,
            @RestHeader(RequestIds.HEADER) String requestId) {
        if (file == null || file.uploadedFile() == null) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, "Send the document as a multipart part named 'file'");
        }
        return documents.upload(user.id(), RequestIds.orNew(requestId), file.uploadedFile(), file.size(),
                file.fileName())
                .map(d -> RestResponse.status(RestResponse.Status.CREATED, DocumentView.of(d)));
    }

    @GET
    public Uni<List<DocumentView>> list() {
        return documents.list(user.id()).map(all -> all.stream().map(DocumentView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<DocumentView> get(@RestPath String id) {
        return documents.get(user.id(), parseId(id)).map(DocumentView::of);
    }

    /** Sections, pages and blocks as extracted; 409 while the document is still being read. */
    @GET
    @Path("/{id}/structure")
    public Uni<String> structure(@RestPath String id) {
        return documents.structure(user.id(), parseId(id));
    }

    /** Key phrases, their co-occurrence, topics and central sentences; 409 while still being read. */
    @GET
    @Path("/{id}/graph")
    public Uni<String> graph(@RestPath String id) {
        return documents.graph(user.id(), parseId(id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return documents.delete(user.id(), parseId(id)).map(nothing -> RestResponse.noContent());
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SlideoException.notFound("Document", id);
        }
    }
}
