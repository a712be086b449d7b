package io.slideo.slide.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One version of a slide; versions are only ever added. */
@Entity
@Table(name = "slide_version")
public class SlideVersion extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "slide_id", nullable = false)
    public UUID slideId;
    @Column(nullable = false)
    public int version;
    @Column(name = "generation_id", nullable = false)
    public UUID generationId;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String layout;
    /** JSON array of Bullet. */
    @Column(nullable = false)
    public String bullets;
    public String notes;
    /** JSON array of Bullet: the right column of a two-column slide; null before V2. */
    @Column(name = "second_column")
    public String secondColumn;
    /** JSON array of rows (first row the header) of a table slide; null before V2. */
    @Column(name = "table_rows")
    public String tableRows;

    /** JSON source of a table slide's table; null before V4 and for other layouts. */
    @Column(name = "table_source")
    public String tableSource;

    /** JSON SlideFigure of an IMAGE slide: the document's picture it shows; null before V6 and for other layouts. */
    public String figure;
    /** JSON QualityReport of the worker's quality gate; null when none came. */
    public String quality;
    public String generator;
    /** Why this version exists, e.g. "generated" or the user's instructions. */
    @Column(nullable = false)
    public String reason;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
