package io.slideo.slide.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.slideo.runtime.security.CurrentUser;
import io.slideo.slide.service.DeckReader;
import io.slideo.slide.service.DeckService;
import io.slideo.slide.service.HtmlExporter;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/decks")
@Produces(MediaType.APPLICATION_JSON)
public class DeckResource {
    private final DeckReader reader;
    private final DeckService decks;
    private final HtmlExporter html;
    private final CurrentUser user;

    DeckResource(DeckReader reader, DeckService decks, HtmlExporter html, CurrentUser user) {
        this.reader = reader;
        this.decks = decks;
        this.html = html;
        this.user = user;
    }

    @GET
    public Uni<List<DeckView>> list() {
        return reader.list(user.id()).map(all -> all.stream().map(DeckView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<DeckView> get(@RestPath String id) {
        return reader.details(user.id(), deckId(id)).map(DeckView::of);
    }

    /** Accepted at once (202); slides arrive as slide_complete messages, then deck_complete. */
    @POST
    @Path("/{id}/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<GenerationView>> generate(@RestPath String id, @Valid GenerationRequest request,
            @RestHeader(RequestIds.HEADER) String requestId) {
        GenerationRequest body = request == null ? new GenerationRequest(null, null) : request;
        return decks.requestGeneration(user.id(), deckId(id), RequestIds.orNew(requestId), body.slideIndexes(),
                body.instructions()).map(g -> RestResponse.accepted(GenerationView.of(g)));
    }

    /** One self-contained file: no external requests, document text escaped. */
    @GET
    @Path("/{id}/export")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public Uni<RestResponse<String>> export(@RestPath String id, @RestQuery String format) {
        String wanted = format == null ? "html" : format.toLowerCase();
        if (wanted.equals("pptx") || wanted.equals("pdf")) {
            throw new SlideoException(ErrorCode.NOT_IMPLEMENTED, "Export to " + wanted
                    + " is not available yet; use format=html");
        }
        if (!wanted.equals("html")) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, "format must be html, pptx or pdf");
        }
        return reader.details(user.id(), deckId(id)).map(details -> RestResponse.ResponseBuilder
                .ok(html.render(details), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"deck-" + details.deck().id + ".html\"")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build());
    }

    static UUID deckId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SlideoException.notFound("Deck", id);
        }
    }
}
