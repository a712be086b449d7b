package io.slideo.slide.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One position in a deck; {@code currentVersion} names the version shown and exported. */
@Entity
@Table(name = "slide")
public class Slide extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "deck_id", nullable = false)
    public UUID deckId;
    @Column(name = "slide_index", nullable = false)
    public int slideIndex;
    @Column(name = "current_version", nullable = false)
    public int currentVersion;
    /** Set when an edit of the plan dropped this position; its versions stay. */
    @Column(name = "retired_at")
    public Instant retiredAt;
}
