package io.slideo.document.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.slideo.model.error.ErrorCode;

/** An uploaded document. {@code fileName} is for display only; the bytes live under {@code blobKey}. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    @Column(nullable = false)
    public String sha256;
    @Column(name = "blob_key", nullable = false)
    public String blobKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "error_code")
    public ErrorCode errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    public String title;
    public String language;
    public Integer pages;
    public Long characters;
    public Integer sections;
    @Column(name = "result_key")
    public String resultKey;
    @Column(name = "graph_key")
    public String graphKey;
    @Column(name = "chunks_key")
    public String chunksKey;
    public Integer topics;
    /** The request that uploaded it, so the workers' answer reaches the same request. */
    @Column(name = "request_id")
    public String requestId;
    /** When it was handed to the workers; null while it waits for its user's earlier documents. */
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
