package io.slideo.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A content plan; its id is also the id of the deck it defines. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "request_id")
    public String requestId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;
    @Column(nullable = false)
    public String description;
    @Column(name = "slide_count", nullable = false)
    public int slideCount;
    @Column(name = "theme_id", nullable = false)
    public String themeId;
    /** JSON Theme as it was when the plan was asked for (or last edited); null on plans older than custom themes. */
    public String theme;
    /** JSON array of document ids. */
    @Column(name = "document_ids", nullable = false)
    public String documentIds;
    @Column(nullable = false)
    public boolean research;
    public String title;
    /** JSON array of PlannedSlide; null while drafting. */
    public String slides;
    public String generator;
    @Column(nullable = false)
    public int revision;
    /** Why a FAILED plan failed: an ErrorCode's name and the message its user was told. */
    @Column(name = "failure_code")
    public String failureCode;
    @Column(name = "failure_message")
    public String failureMessage;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
