package io.slideo.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An event waiting to be published; written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the broker refused the event for good; null while it waits to be sent. */
    @Column(name = "failed_at")
    public Instant failedAt;

    /** Why the broker refused it (its exception and message); null while it waits to be sent. */
    @Column(name = "failure_reason", columnDefinition = "text")
    public String failureReason;

    /** The W3C traceparent of the transaction that wrote the event; null when it was written outside a trace. */
    @Column(columnDefinition = "text")
    public String traceparent;

    /** The W3C tracestate that came with {@link #traceparent}; usually null. */
    @Column(columnDefinition = "text")
    public String tracestate;
}
