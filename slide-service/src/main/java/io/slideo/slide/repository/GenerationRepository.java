package io.slideo.slide.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.slideo.slide.domain.Generation;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GenerationRepository implements PanacheRepositoryBase<Generation, UUID> {

    /** Locked: slide and completion events of one run are applied one at a time. */
    public Uni<Generation> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
