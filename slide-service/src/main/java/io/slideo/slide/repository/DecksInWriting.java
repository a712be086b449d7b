package io.slideo.slide.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The decks a user has being written: runs not yet complete or failed, and decks asked for in one go awaiting their plan. */
@ApplicationScoped
public class DecksInWriting {
    private static final String LOCK_USER = "select count(*) from (select pg_advisory_xact_lock(hashtext(:key))) locked";
    private static final String COUNT = """
            select (select count(*) from generation where user_id = :user and status = 'RUNNING')
                 + (select count(*) from deck_request where user_id = :user and generation_id is null
                                                        and created_at > :since)""";

    /** Until the transaction ends, one request per user at a time passes the quota; a second then counts the first. */
    public Uni<Void> lockUser(String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_USER)
                .setParameter("key", "generation-quota:" + userId).getSingleResult()).replaceWithVoid();
    }

    /** Running runs, plus one-shot decks asked for after {@code awaitedSince} whose slides are not requested yet. */
    public Uni<Long> count(String userId, Instant awaitedSince) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT, Long.class)
                .setParameter("user", userId).setParameter("since", awaitedSince).getSingleResult());
    }
}
