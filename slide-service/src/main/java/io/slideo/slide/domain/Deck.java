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

/** A deck as its plan defined it; JSON columns hold the value types from shared-model. */
@Entity
@Table(name = "deck")
public class Deck extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(nullable = false)
    public String title;
    public String description;
    /** JSON Theme. */
    @Column(nullable = false)
    public String theme;
    /** JSON array of document ids. */
    @Column(name = "document_ids", nullable = false)
    public String documentIds;
    /** JSON array of PlannedSlide. */
    @Column(name = "planned_slides", nullable = false)
    public String plannedSlides;
    @Column(name = "plan_revision", nullable = false)
    public int planRevision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeckStatus status;
    /** Who wrote the deck last: a model's generator name, or offline; null until a run completed. */
    public String generator;
    /** Model tokens the deck has spent so far, as the workers reported them. */
    @Column(name = "input_tokens", nullable = false)
    public long inputTokens;
    @Column(name = "output_tokens", nullable = false)
    public long outputTokens;
    /** Why the last run failed (an ErrorCode's name and what its user was told); null unless the deck is FAILED. */
    @Column(name = "failure_code")
    public String failureCode;
    @Column(name = "failure_message")
    public String failureMessage;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
