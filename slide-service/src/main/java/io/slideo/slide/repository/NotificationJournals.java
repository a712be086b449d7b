package io.slideo.slide.repository;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.runtime.notification.NotificationJournalConfig;

/**
 * The notification journal websocket-service writes, read here for the decks' event streams: the
 * same keys and entries, through the shared format.
 */
final class NotificationJournals {
    private NotificationJournals() {
    }

    @Produces
    @Singleton
    static NotificationJournal journal(ReactiveRedisDataSource redis, NotificationJournalConfig config) {
        return new NotificationJournal(redis, config);
    }
}
