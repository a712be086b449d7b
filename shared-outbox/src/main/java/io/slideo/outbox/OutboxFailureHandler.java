package io.slideo.outbox;

import io.smallrye.mutiny.Uni;

/**
 * A service's answer to an event the broker refused for good (too large, not serialisable): fail
 * the aggregate it announced and tell its user, who would otherwise wait forever. Optional; the
 * relay calls every bean that implements it, on a Vert.x context of its own, after the event has
 * been marked failed (so a handler that fails loses nothing but its own effect).
 */
public interface OutboxFailureHandler {

    /** {@code event} is a copy of the failed row; {@code reason} is the broker's refusal. */
    Uni<Void> onFailed(OutboxEvent event, String reason);
}
