package io.slideo.slide.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slideo.slide.domain.Deck;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeckRepository implements PanacheRepositoryBase<Deck, UUID> {

    public Uni<Deck> findOwned(UUID id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<List<Deck>> listOwned(String userId, int limit) {
        return find("userId", Sort.descending("createdAt"), userId).page(0, limit).list();
    }
}
