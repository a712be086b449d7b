package io.slideo.slide.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.slideo.slide.domain.DeckRequest;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeckRequestRepository implements PanacheRepositoryBase<DeckRequest, UUID> {
    private static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(hashtext(:deck))) locked";

    /**
     * Serialises, until the transaction ends, the two ways a one-shot deck's slides get requested (the
     * request arriving, the plan arriving): whichever comes second sees the first and acts.
     */
    public Uni<Void> lockDeck(UUID deckId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK)
                .setParameter("deck", deckId.toString())
                .getSingleResult())
                .replaceWithVoid();
    }
}
