package io.slideo.content.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slideo.content.domain.CustomTheme;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomThemeRepository implements PanacheRepositoryBase<CustomTheme, String> {

    public Uni<CustomTheme> findOwned(String id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<List<CustomTheme>> listOwned(String userId) {
        return find("userId", Sort.ascending("createdAt", "id"), userId).list();
    }

    public Uni<Long> countOwned(String userId) {
        return count("userId", userId);
    }

    public Uni<Boolean> deleteOwned(String id, String userId) {
        return delete("id = ?1 and userId = ?2", id, userId).map(n -> n > 0);
    }
}
