package io.slideo.slide.service.export;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.theme.Theme;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.service.DeckDetails;
import io.slideo.slide.service.DeckReader;
import io.slideo.slide.service.export.HtmlRenderer.Figures;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Slides drawn as they are written, for a page that shows them live: the HTML export's markup of one
 * slide, composed with the deck's slides written so far (their language and fonts decide a slide's
 * look as they do in the export), and the stylesheet that markup needs.
 */
@ApplicationScoped
public class LiveSlides {
    /**
     * Largest fragment a notification carries: well inside the outbox's event limit (900K) and a
     * small part of a user's Redis journal (16M); a text slide measures 3 to 8 KiB.
     */
    public static final int MAX_FRAGMENT_BYTES = 128 * 1024;

    private final DeckReader reader;

    LiveSlides(DeckReader reader) {
        this.reader = reader;
    }

    /**
     * The slide at {@code slideIndex} as the export draws it, or null when it cannot be drawn or is too large.
     * Drawn on a worker thread (composing a deck takes milliseconds, too long for an event loop every service
     * request shares), then back on the caller's context, whose database session and transaction go on.
     */
    public Uni<String> fragment(String userId, UUID deckId, int slideIndex) {
        Context caller = Vertx.currentContext();
        Executor back = caller == null ? Runnable::run : caller::runOnContext;
        return reader.details(userId, deckId)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(details -> fragment(details, slideIndex))
                .emitOn(back)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Slide %d of deck %s could not be drawn for its notification: %s", slideIndex, deckId,
                            e.toString());
                    return null;
                });
    }

    static String fragment(DeckDetails details, int slideIndex) {
        String html = HtmlRenderer.fragment(compose(details), slideIndex + 1, Figures.PLACEHOLDER);
        if (html != null && html.getBytes(StandardCharsets.UTF_8).length > MAX_FRAGMENT_BYTES) {
            Log.warnf("Slide %d of deck %s is %d bytes drawn, over %d: its notification carries the title only",
                    slideIndex, details.deck().id, html.getBytes(StandardCharsets.UTF_8).length, MAX_FRAGMENT_BYTES);
            return null;
        }
        return html;
    }

    /** The export's stylesheet for the deck, with the theme's faces whether or not a written slide uses them yet. */
    public Uni<String> stylesheet(String userId, UUID deckId) {
        return reader.details(userId, deckId).emitOn(Infrastructure.getDefaultWorkerPool()).map(LiveSlides::stylesheet);
    }

    static String stylesheet(DeckDetails details) {
        Composition deck = compose(details);
        Theme theme = DeckComposer.sanitise(JsonColumns.theme(details.deck()));
        Set<String> faces = new LinkedHashSet<>(HtmlRenderer.faces(deck));
        faces.add(theme.headingFont() + "|true");
        faces.add(theme.bodyFont() + "|false");
        faces.add(theme.bodyFont() + "|true"); // a table's header row
        return HtmlRenderer.stylesheet(deck, faces);
    }

    /** The figure's size and words without its picture: the slide is laid out as exported, the box left empty. */
    private static Composition compose(DeckDetails details) {
        return ExportService.compose(details, (SlideFigure figure) -> new SlideContent.Picture(figure, new byte[0]));
    }
}
