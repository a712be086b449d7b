package io.slideo.websocket.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.domain.SessionStep;
import io.smallrye.mutiny.Uni;

/**
 * Sessions live in Redis, one hash per connection ({@code slideo:session:<userId>:<connectionId>}),
 * so that state survives this instance and idle sessions expire on their own. Each write is one
 * Lua script: the fields and the renewed expiry land together, and an update never brings back a
 * session that was closed or has expired.
 */
@ApplicationScoped
public class SessionStore {
    public static final String USER_ID = "user_id";
    public static final String CLIENT_ID = "client_id";
    public static final String THEME_ID = "theme_id";
    public static final String STEP = "step";
    public static final String LAST_ACTIVITY = "last_activity";

    private static final String CREATE = """
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;
    private static final String UPDATE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final LiveChannelConfig config;

    SessionStore(ReactiveRedisDataSource redis, LiveChannelConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public String key(String userId, String connectionId) {
        return config.sessionKeyPrefix() + ":" + userId + ":" + connectionId;
    }

    public Uni<Void> open(LiveConnection connection) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(USER_ID, connection.userId());
        if (connection.clientId() != null) {
            fields.put(CLIENT_ID, connection.clientId());
        }
        fields.put(STEP, SessionStep.CONNECTED.stored());
        fields.put(LAST_ACTIVITY, Instant.now().toString());
        return write(CREATE, connection, fields).replaceWithVoid();
    }

    /** Renews the session on client activity; one that expired while the socket stayed open is made again. */
    public Uni<Void> touch(LiveConnection connection) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(LAST_ACTIVITY, Instant.now().toString());
        if (connection.clientId() != null) {
            fields.put(CLIENT_ID, connection.clientId());
        }
        return write(UPDATE, connection, fields).chain(updated -> updated || !connection.isOpen()
                ? Uni.createFrom().voidItem()
                : open(connection));
    }

    public Uni<Void> selectTheme(LiveConnection connection, String themeId) {
        return write(UPDATE, connection, Map.of(THEME_ID, themeId, STEP, SessionStep.THEME_SELECTED.stored()))
                .replaceWithVoid();
    }

    public Uni<Void> step(LiveConnection connection, SessionStep step) {
        return write(UPDATE, connection, Map.of(STEP, step.stored())).replaceWithVoid();
    }

    /** The theme this session picked, or null. */
    public Uni<String> themeOf(LiveConnection connection) {
        return redis.hash(String.class).hget(key(connection.userId(), connection.id()), THEME_ID);
    }

    public Uni<Void> close(LiveConnection connection) {
        return redis.key().del(key(connection.userId(), connection.id())).replaceWithVoid();
    }

    private Uni<Boolean> write(String script, LiveConnection connection, Map<String, String> fields) {
        List<String> args = new ArrayList<>();
        args.add(script);
        args.add("1");
        args.add(key(connection.userId(), connection.id()));
        args.add(Long.toString(config.sessionIdleTimeout().toMillis()));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return redis.execute("EVAL", args.toArray(String[]::new)).map(response -> response.toInteger() == 1);
    }
}
