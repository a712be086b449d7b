package io.slideo.websocket.repository;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.runtime.notification.NotificationJournalConfig;

/** The notification journal this service writes (and resumes from), on its Redis: the shared format. */
final class NotificationJournals {
    private NotificationJournals() {
    }

    @Produces
    @Singleton
    static NotificationJournal journal(ReactiveRedisDataSource redis, NotificationJournalConfig config) {
        return new NotificationJournal(redis, config);
    }
}
