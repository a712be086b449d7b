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

@ApplicationScoped
public class SlideRepository implements PanacheRepositoryBase<Slide, UUID> {

    public Uni<List<Slide>> ofDeck(UUID deckId) {
        return find("deckId", Sort.ascending("slideIndex"), deckId).list();
    }

    public Uni<List<Slide>> ofDecks(Collection<UUID> deckIds) {
        return find("deckId in ?1", Sort.ascending("deckId", "slideIndex"), deckIds).list();
    }

    /** The slide at a position, locked so that concurrent writers number versions one after another. */
    public Uni<Slide> lockAt(UUID deckId, int index) {
        return find("deckId = ?1 and slideIndex = ?2", deckId, index).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
