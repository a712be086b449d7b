package io.slideo.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slideo.content.domain.Plan;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    public Uni<Plan> findOwned(UUID id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<List<Plan>> listOwned(String userId, int limit) {
        return find("userId", Sort.descending("createdAt"), userId).page(0, limit).list();
    }
}
