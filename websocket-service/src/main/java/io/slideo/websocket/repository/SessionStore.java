package io.slideo.websocket.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.runtime.redis.RedisScript;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.domain.SessionStep;
import io.smallrye.mutiny.Uni;

/**
 * Sessions live in Redis, one hash per client ({@code slideo:session:<userId>:<sessionId>}: the
 * client's own id when it names itself at the upgrade, else the connection's), so that a client
 * that comes back on any instance finds its theme, step and documents again; a session expires
 * after its idle timeout, connected or not. Each user's open connections are counted in Redis too
 * ({@code slideo:connections:<userId>}, one field per connection naming the instance run that holds
 * it), so the per-user limit holds across instances; the connections of an instance run whose
 * liveness key has expired (it crashed) stop counting. Every write is one Lua script.
 */
@ApplicationScoped
public class SessionStore {
    public static final String USER_ID = "user_id";
    public static final String CLIENT_ID = "client_id";
    public static final String STATE = "state";
    public static final String THEME_ID = "theme_id";
    public static final String STEP = "step";
    public static final String DOCUMENT_IDS = "document_ids";
    public static final String LAST_ACTIVITY = "last_activity";
    public static final String INSTANCE = "instance";
    public static final String CONNECTION_ID = "connection_id";

    /** Most document ids a session remembers. */
    private static final int MAX_DOCUMENTS = 50;
    /** How long a user's connection count survives without any connection opening. */
    private static final long CONNECTION_KEY_TTL_MILLIS = 24 * 3600 * 1000L;

    /** 0: refused, the user has the most connections allowed; 1: a new session; 2: the client's session continues. */
    private static final RedisScript ADMIT = new RedisScript("""
            local members = redis.call('HGETALL', KEYS[1])
            local live = 0
            for i = 1, #members, 2 do
              if redis.call('EXISTS', ARGV[2] .. members[i + 1]) == 1 then live = live + 1
              else redis.call('HDEL', KEYS[1], members[i]) end
            end
            if live >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            local existed = redis.call('EXISTS', KEYS[2])
            redis.call('HSET', KEYS[2], unpack(ARGV, 7))
            redis.call('HSETNX', KEYS[2], 'step', 'connected')
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            return existed + 1
            """);
    /** The connection stops counting; its session is kept (disconnected) unless a newer connection took it over. */
    private static final RedisScript RELEASE = new RedisScript("""
            redis.call('HDEL', KEYS[1], ARGV[1])
            if redis.call('HGET', KEYS[2], 'connection_id') == ARGV[2] then
              redis.call('HSET', KEYS[2], 'state', 'disconnected', 'last_activity', ARGV[4])
              redis.call('PEXPIRE', KEYS[2], ARGV[3])
            end
            return 1
            """);
    /** Updates a session that exists; never brings back one that expired. */
    private static final RedisScript UPDATE = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);
    private static final RedisScript ADD_DOCUMENTS = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local current = redis.call('HGET', KEYS[1], 'document_ids') or ''
            local count = 0
            if current ~= '' then count = select(2, string.gsub(current, ',', ',')) + 1 end
            for i = 4, #ARGV do
              if count < tonumber(ARGV[3]) and not string.find(',' .. current .. ',', ',' .. ARGV[i] .. ',', 1, true) then
                if current == '' then current = ARGV[i] else current = current .. ',' .. ARGV[i] end
                count = count + 1
              end
            end
            redis.call('HSET', KEYS[1], 'document_ids', current, 'last_activity', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final LiveChannelConfig config;

    SessionStore(ReactiveRedisDataSource redis, LiveChannelConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Whether a connection was admitted, and if so whether its client's session was already there. */
    public enum Admission {
        REFUSED_USER_LIMIT, NEW_SESSION, CONTINUED_SESSION
    }

    public String key(String userId, String sessionId) {
        return config.sessionKeyPrefix() + ":" + userId + ":" + sessionId;
    }

    /** Counts the connection against its user's limit and opens (or continues) its client's session. */
    public Uni<Admission> admit(LiveConnection connection, String instance, String incarnation) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(USER_ID, connection.userId());
        if (connection.clientId() != null) {
            fields.put(CLIENT_ID, connection.clientId());
        }
        fields.put(STATE, "connected");
        fields.put(INSTANCE, instance);
        fields.put(CONNECTION_ID, connection.id());
        fields.put(LAST_ACTIVITY, Instant.now().toString());
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(config.maxConnectionsPerUser()));
        args.add(config.instanceKeyPrefix() + ":");
        args.add(member(connection, incarnation));
        args.add(incarnation);
        args.add(Long.toString(config.sessionIdleTimeout().toMillis()));
        args.add(Long.toString(CONNECTION_KEY_TTL_MILLIS));
        flatten(fields, args);
        return ADMIT.run(redis, List.of(connectionsKey(connection.userId()), sessionKey(connection)), args)
                .map(response -> switch (response.toInteger()) {
                    case 0 -> Admission.REFUSED_USER_LIMIT;
                    case 1 -> Admission.NEW_SESSION;
                    default -> Admission.CONTINUED_SESSION;
                });
    }

    /** The connection closed: it stops counting, and its session waits (disconnected) for the client to return. */
    public Uni<Void> release(LiveConnection connection, String incarnation) {
        return RELEASE.run(redis, List.of(connectionsKey(connection.userId()), sessionKey(connection)),
                List.of(member(connection, incarnation), connection.id(),
                        Long.toString(config.sessionIdleTimeout().toMillis()), Instant.now().toString()))
                .replaceWithVoid();
    }

    /** Renews the session on client activity. */
    public Uni<Void> touch(LiveConnection connection) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(LAST_ACTIVITY, Instant.now().toString());
        if (connection.clientId() != null) {
            fields.put(CLIENT_ID, connection.clientId());
        }
        return update(connection, fields);
    }

    public Uni<Void> selectTheme(LiveConnection connection, String themeId) {
        return update(connection, Map.of(THEME_ID, themeId, STEP, SessionStep.THEME_SELECTED.stored()));
    }

    public Uni<Void> step(LiveConnection connection, SessionStep step) {
        return update(connection, Map.of(STEP, step.stored()));
    }

    /** Remembers documents the session worked with (ids the owning service accepted). */
    public Uni<Void> addDocuments(LiveConnection connection, List<String> documentIds) {
        if (documentIds == null || documentIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(Long.toString(config.sessionIdleTimeout().toMillis()));
        args.add(Instant.now().toString());
        args.add(Integer.toString(MAX_DOCUMENTS));
        documentIds.stream().filter(id -> id != null && id.matches("[A-Za-z0-9_.-]{1,80}")).limit(MAX_DOCUMENTS)
                .forEach(args::add);
        return ADD_DOCUMENTS.run(redis, List.of(sessionKey(connection)), args).replaceWithVoid();
    }

    /** The theme this session picked, or null. */
    public Uni<String> themeOf(LiveConnection connection) {
        return redis.hash(String.class).hget(sessionKey(connection), THEME_ID);
    }

    private Uni<Void> update(LiveConnection connection, Map<String, String> fields) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(config.sessionIdleTimeout().toMillis()));
        flatten(fields, args);
        return UPDATE.run(redis, List.of(sessionKey(connection)), args).replaceWithVoid();
    }

    private String sessionKey(LiveConnection connection) {
        return key(connection.userId(), connection.sessionId());
    }

    private String connectionsKey(String userId) {
        return config.connectionKeyPrefix() + ":" + userId;
    }

    private static String member(LiveConnection connection, String incarnation) {
        return incarnation + "|" + connection.id();
    }

    private static void flatten(Map<String, String> fields, List<String> args) {
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
    }
}
