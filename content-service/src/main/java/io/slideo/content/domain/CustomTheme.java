package io.slideo.content.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A theme one user made; only that user sees or uses it. */
@Entity
@Table(name = "custom_theme")
public class CustomTheme extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    /** JSON of the Theme, checked by ThemeRules before it was stored. */
    @Column(nullable = false)
    public String definition;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
