package io.slideo.slide.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.Blocking;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.error.RequestIds;
import io.slideo.runtime.security.CurrentUser;
import io.slideo.slide.service.DeckEventStreams;
import io.slideo.slide.service.DeckReader;
import io.slideo.slide.service.DeckService;
import io.slideo.slide.service.OneShotService;
import io.slideo.slide.service.export.ExportService;
import io.slideo.slide.service.export.LiveSlides;
import io.slideo.slide.service.export.ExportService.ExportFile;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/decks")
@Produces(MediaType.APPLICATION_JSON)
public class DeckResource {
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private final DeckReader reader;
    private final DeckService decks;
    private final OneShotService oneShot;
    private final ExportService exports;
    private final DeckEventStreams streams;
    private final LiveSlides live;
    private final CurrentUser user;

    DeckResource(DeckReader reader, DeckService decks, OneShotService oneShot, ExportService exports,
            DeckEventStreams streams, LiveSlides live, CurrentUser user) {
        this.reader = reader;
        this.decks = decks;
        this.oneShot = oneShot;
        this.exports = exports;
        this.streams = streams;
        this.live = live;
        this.user = user;
    }

    @GET
    public Uni<List<DeckView>> list() {
        return reader.list(user.id()).map(all -> all.stream().map(DeckView::of).toList());
    }

    /**
     * A deck in one go: the plan is drafted and the slides written without further calls. Accepted at
     * once (202); progress arrives over the WebSocket and at {@code events}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<DeckAccepted>> create(@Valid @NotNull DeckRequestBody body,
            @RestHeader(RequestIds.HEADER) String requestId) {
        String id = RequestIds.orNew(requestId);
        return oneShot.request(user.id(), user.bearerToken(), id, body)
                .map(deckId -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED,
                        new DeckAccepted(deckId.toString(), deckId.toString(), "planning",
                                "/api/v1/decks/" + deckId + "/events"))
                        .header(RequestIds.HEADER, id)
                        .location(URI.create("/api/v1/decks/" + deckId))
                        .build());
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
        GenerationRequest body = request == null ? GenerationRequest.ALL : request;
        return decks.requestGeneration(user.id(), deckId(id), RequestIds.orNew(requestId), body.slideIndexes(),
                body.instructions(), body.model()).map(g -> RestResponse.accepted(GenerationView.of(g)));
    }

    /**
     * The deck as PPTX, PDF or one self-contained HTML file (the default), drawn from one layout with
     * its theme; rendered once per deck version, then served from the blob store.
     */
    @GET
    @Path("/{id}/export")
    @Produces({ MediaType.TEXT_HTML, "application/pdf", PPTX, MediaType.APPLICATION_JSON })
    public Uni<Response> export(@RestPath String id, @RestQuery String format,
            @RestHeader(RequestIds.HEADER) String requestId) {
        UUID deckId = deckId(id);
        return exports.export(user.id(), deckId, format, RequestIds.orNew(requestId)).map(DeckResource::download);
    }

    /**
     * The stylesheet of the HTML export (its fonts and rules), for a page that shows the markup of
     * slide_complete: the slides it draws look as they do in the export. Not cached: its fallback fonts
     * grow with the deck's written slides.
     */
    @GET
    @Path("/{id}/style")
    @Produces("text/css")
    public Uni<Response> style(@RestPath String id) {
        return live.stylesheet(user.id(), deckId(id))
                .map(css -> Response.ok(css, "text/css; charset=UTF-8").header("Cache-Control", "private, no-cache")
                        .build());
    }

    /**
     * The deck's progress as server-sent events (named like the WebSocket messages), from the start of
     * its current run, or after the Last-Event-ID a reconnecting client sends, until deck_complete (or
     * an error_response).
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public void events(@RestPath String id, @RestHeader("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        streams.open(user.id(), deckId(id), eventNumber(lastEventId), sink, sse);
    }

    /** The journal number a client last received; anything else (none, or an id from elsewhere) starts afresh. */
    private static Long eventNumber(String lastEventId) {
        if (lastEventId == null || !lastEventId.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(lastEventId.strip());
    }

    // A plain Response: its entity's writer is chosen from the byte[] at run time (a RestResponse<byte[]>
    // inside a Uni was written with toString()).
    private static Response download(ExportFile file) {
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        var response = Response.ok(file.bytes(), file.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"; filename*=UTF-8''"
                        + encoded)
                .header("X-Slideo-Export-Cache", file.fromCache() ? "hit" : "miss")
                .header("X-Content-Type-Options", "nosniff");
        if (file.format() == ExportService.Format.HTML) {
            response.header("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:");
        }
        return response.build();
    }

    static UUID deckId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SlideoException.notFound("Deck", id);
        }
    }
}
