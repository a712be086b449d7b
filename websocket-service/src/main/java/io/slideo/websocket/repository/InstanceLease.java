package io.slideo.websocket.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.slideo.websocket.config.LiveChannelConfig;
import io.smallrye.mutiny.Uni;

/**
 * An instance run says it is alive with a key that expires unless renewed; the connections it
 * holds count against their users' limits only while the key exists, so a crashed instance's
 * connections stop counting on their own.
 */
@ApplicationScoped
public class InstanceLease {
    private final ReactiveRedisDataSource redis;
    private final LiveChannelConfig config;

    InstanceLease(ReactiveRedisDataSource redis, LiveChannelConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public Uni<Void> renew(String incarnation) {
        return redis.value(String.class)
                .set(key(incarnation), "alive", new SetArgs().px(config.instanceHeartbeat().toMillis() * 3))
                .replaceWithVoid();
    }

    public Uni<Void> end(String incarnation) {
        return redis.key().del(key(incarnation)).replaceWithVoid();
    }

    private String key(String incarnation) {
        return config.instanceKeyPrefix() + ":" + incarnation;
    }
}
