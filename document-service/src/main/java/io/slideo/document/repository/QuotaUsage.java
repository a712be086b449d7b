package io.slideo.document.repository;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What a user has used of the document quotas, read and written in the caller's session. */
@ApplicationScoped
public class QuotaUsage {
    private static final String LOCK_USER = "select count(*) from (select pg_advisory_xact_lock(hashtext(:key))) locked";
    private static final String STORED = """
            select count(*), cast(coalesce(sum(size_bytes), 0) as bigint) from document where user_id = :user""";
    private static final String PARSE_TIME = """
            select coalesce((select millis from parse_time_spent where user_id = :user and hour = date_trunc('hour', now())), 0),
                   date_trunc('hour', now()) + interval '1 hour', now()""";
    // Old hours go as new ones are charged: a user's rows stay a day's worth.
    private static final String CHARGE = """
            with forgotten as (delete from parse_time_spent where user_id = :user and hour < now() - interval '1 day')
            insert into parse_time_spent (user_id, hour, millis) values (:user, date_trunc('hour', now()), :millis)
            on conflict (user_id, hour) do update set millis = parse_time_spent.millis + excluded.millis""";

    /** Documents kept and their bytes. */
    public record Stored(long documents, long bytes) {
    }

    /** Parse time charged this clock hour, when the hour ends and the time now, all by the database's clock. */
    public record ParseHour(long millis, Instant hourEnds, Instant now) {
    }

    /**
     * Until the transaction ends, one upload per user at a time passes the storage and document quotas:
     * a second waits here and then counts the first's row.
     */
    public Uni<Void> lockUser(String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_USER)
                .setParameter("key", "document-quota:" + userId).getSingleResult()).replaceWithVoid();
    }

    public Uni<Stored> stored(String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(STORED, Object[].class)
                .setParameter("user", userId).getSingleResult())
                .map(row -> new Stored(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    public Uni<ParseHour> parseHour(String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PARSE_TIME, Object[].class)
                .setParameter("user", userId).getSingleResult())
                .map(row -> new ParseHour(((Number) row[0]).longValue(), instant(row[1]), instant(row[2])));
    }

    public Uni<Void> chargeParseTime(String userId, long millis) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CHARGE)
                .setParameter("user", userId).setParameter("millis", millis).executeUpdate()).replaceWithVoid();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
