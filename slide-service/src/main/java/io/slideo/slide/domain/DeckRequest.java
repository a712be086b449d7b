package io.slideo.slide.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A deck asked for in one go: its plan is drafted elsewhere, and its slides are requested here as
 * soon as the plan arrives. {@code generationId} is set once they were.
 */
@Entity
@Table(name = "deck_request")
public class DeckRequest extends PanacheEntityBase {
    @Id
    @Column(name = "deck_id")
    public UUID deckId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "generation_id")
    public UUID generationId;
    /** The model asked for, passed on to the generation run. */
    public String model;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
