package io.slideo.slide.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slideo.slide.domain.SlideVersion;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SlideVersionRepository implements PanacheRepositoryBase<SlideVersion, UUID> {

    public Uni<List<SlideVersion>> ofSlides(Collection<UUID> slideIds) {
        return find("slideId in ?1", Sort.ascending("slideId", "version"), slideIds).list();
    }

    public Uni<Boolean> exists(UUID slideId, UUID generationId) {
        return count("slideId = ?1 and generationId = ?2", slideId, generationId).map(n -> n > 0);
    }

    public Uni<SlideVersion> findVersion(UUID slideId, int version) {
        return find("slideId = ?1 and version = ?2", slideId, version).firstResult();
    }

    public Uni<Long> countOfGeneration(UUID generationId) {
        return count("generationId", generationId);
    }
}
