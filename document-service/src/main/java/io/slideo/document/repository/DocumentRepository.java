package io.slideo.document.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slideo.document.domain.Document;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /** A document as its owner sees it; someone else's is simply absent. */
    public Uni<Document> findOwned(UUID id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<List<Document>> listOwned(String userId, int limit) {
        return find("userId", Sort.descending("createdAt"), userId).page(0, limit).list();
    }
}
