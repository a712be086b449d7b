package io.slideo.content.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.slideo.content.domain.ResearchResult;
import io.slideo.content.domain.ResearchStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResearchRepository implements PanacheRepositoryBase<ResearchResult, String> {

    public Uni<ResearchResult> findOwned(String id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Long> countSearching(String userId) {
        return count("userId = ?1 and status = ?2", userId, ResearchStatus.SEARCHING);
    }
}
