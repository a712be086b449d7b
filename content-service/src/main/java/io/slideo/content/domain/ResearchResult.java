package io.slideo.content.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What web research found for one user; the id is the plan's for a plan's research step. A user's own
 * research request is stored while a worker searches, with no sources yet.
 */
@Entity
@Table(name = "research")
public class ResearchResult extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "request_id")
    public String requestId;
    public String query;
    /** Why nothing was found (research off, services failing), when that is so. */
    public String message;
    /** JSON list of ResearchCompleted.ResearchSource. */
    @Column(nullable = false)
    public String sources;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResearchStatus status = ResearchStatus.DONE;
}
