package io.slideo.outbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Remembers the events the relay set aside, as a service's handler would fail their aggregates. */
@ApplicationScoped
public class RecordingFailureHandler implements OutboxFailureHandler {
    private final Map<UUID, String> reasons = new ConcurrentHashMap<>();

    @Override
    public Uni<Void> onFailed(OutboxEvent event, String reason) {
        reasons.put(event.id, event.topic + " " + reason);
        return Uni.createFrom().voidItem();
    }

    /** The topic and reason the relay handed over for {@code eventId}; null if it never did. */
    String reasonFor(UUID eventId) {
        return reasons.get(eventId);
    }
}
