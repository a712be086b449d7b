package io.slideo.slide.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.SlideComplete;
import io.slideo.outbox.Outbox;
import io.slideo.slide.domain.Slide;
import io.slideo.slide.domain.SlideVersion;
import io.slideo.slide.repository.DeckRepository;
import io.slideo.slide.repository.SlideRepository;
import io.slideo.slide.repository.SlideVersionRepository;
import io.slideo.slide.service.export.LiveSlides;
import io.smallrye.mutiny.Uni;

/** A slide's history is only ever added to: an older version comes back as a new one. */
@ApplicationScoped
public class SlideHistory {
    private final DeckRepository decks;
    private final SlideRepository slides;
    private final SlideVersionRepository versions;
    private final Outbox outbox;
    private final LiveSlides live;

    SlideHistory(DeckRepository decks, SlideRepository slides, SlideVersionRepository versions, Outbox outbox,
            LiveSlides live) {
        this.decks = decks;
        this.slides = slides;
        this.versions = versions;
        this.outbox = outbox;
        this.live = live;
    }

    /**
     * Writes an older version's content as the newest version of its slide (reason "restored version N",
     * by the caller) and tells the user, as a written slide would.
     */
    public Uni<SlideVersion> restore(String userId, UUID deckId, int slideIndex, int version, String requestId) {
        return Panache.withTransaction(() -> decks.findOwned(deckId, userId)
                .onItem().ifNull().failWith(() -> SlideoException.notFound("Deck", deckId))
                .chain(deck -> slides.lockAt(deckId, slideIndex)
                        .onItem().ifNull().failWith(() -> SlideoException.notFound("Slide", slideIndex + " of deck " + deckId))
                        .chain(slide -> versions.findVersion(slide.id, version)
                                .onItem().ifNull().failWith(() -> SlideoException.notFound("Version",
                                        version + " of slide " + slideIndex))
                                .chain(old -> {
                                    SlideVersion restored = copy(old, slide, userId);
                                    slide.currentVersion = restored.version;
                                    deck.updatedAt = Instant.now();
                                    return versions.persistAndFlush(restored).call(v -> live
                                            .fragment(userId, deckId, slideIndex)
                                            .chain(html -> outbox.notifyUser(userId, requestId, new SlideComplete(
                                                    deckId.toString(), v.generationId.toString(), slideIndex,
                                                    v.version, v.title, 1, 1, html))));
                                }))))
                .invoke(v -> Log.infof("Slide %d of deck %s restored to version %d as version %d by user %s",
                        slideIndex, deckId, version, v.version, userId));
    }

    private static SlideVersion copy(SlideVersion old, Slide slide, String userId) {
        SlideVersion version = new SlideVersion();
        version.id = UUID.randomUUID();
        version.slideId = slide.id;
        version.version = slide.currentVersion + 1;
        version.generationId = UUID.randomUUID(); // a restore is a run of its own
        version.title = old.title;
        version.layout = old.layout;
        version.bullets = old.bullets;
        version.secondColumn = old.secondColumn;
        version.tableRows = old.tableRows;
        version.tableSource = old.tableSource;
        version.figure = old.figure;
        version.quality = old.quality;
        version.notes = old.notes;
        version.generator = old.generator;
        version.reason = "restored version " + old.version;
        version.createdBy = userId;
        version.createdAt = Instant.now();
        return version;
    }
}
