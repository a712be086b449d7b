package io.slideo.runtime.notification;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-user notification journal in Redis: written by websocket-service (its resume replays from
 * it), read by slide-service (its server-sent event streams). Both read these keys, so they agree.
 */
@ConfigMapping(prefix = "slideo.notification-journal")
public interface NotificationJournalConfig {
    /** Prefix of the journal keys: {@code <prefix>:{<userId>}:seq|stream|events|bytes}. */
    @WithDefault("slideo:journal")
    String keyPrefix();

    /** How long a notification stays replayable; a resume from before it gets resync_required. */
    @WithDefault("PT24H")
    Duration retention();

    /** Most notifications kept per user, whatever their age. */
    @WithDefault("10000")
    int maxLength();

    /**
     * Most bytes of notification data kept per user, whatever their number (a few large plans must
     * not hold hundreds of megabytes of Redis for a day); the oldest go first.
     */
    @WithDefault("16M")
    MemorySize maxBytes();
}
