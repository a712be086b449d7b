package io.slideo.slide.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slideo.slide.domain.Slide;
import io.smallrye.mutiny.Uni;

/** Slide positions; "live" ones are those the current plan still has (dropped ones keep their versions). */
@ApplicationScoped
public class SlideRepository implements PanacheRepositoryBase<Slide, UUID> {

    public Uni<List<Slide>> ofDecks(Collection<UUID> deckIds) {
        return find("deckId in ?1 and retiredAt is null", Sort.ascending("deckId", "slideIndex"), deckIds).list();
    }

    /** The live slides of a deck, locked, to rearrange them after an edit of the plan. */
    public Uni<List<Slide>> lockLive(UUID deckId) {
        return find("deckId = ?1 and retiredAt is null", Sort.ascending("slideIndex"), deckId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The slide at a position, locked so that concurrent writers number versions one after another. */
    public Uni<Slide> lockAt(UUID deckId, int index) {
        return find("deckId = ?1 and slideIndex = ?2 and retiredAt is null", deckId, index)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
