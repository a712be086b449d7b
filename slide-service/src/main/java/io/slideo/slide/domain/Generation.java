package io.slideo.slide.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A run that writes some slides of a deck. It completes when the worker said it finished and every
 * slide it asked for is stored (the two arrive on different topics, in either order).
 */
@Entity
@Table(name = "generation")
public class Generation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "deck_id", nullable = false)
    public UUID deckId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "request_id")
    public String requestId;
    /** JSON array of slide indexes. */
    @Column(name = "slide_indexes", nullable = false)
    public String slideIndexes;
    public String instructions;
    /** The model asked for (checked against the allow-list by the worker); null means the deployment's. */
    public String model;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GenerationStatus status;
    @Column(name = "worker_finished", nullable = false)
    public boolean workerFinished;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
}
