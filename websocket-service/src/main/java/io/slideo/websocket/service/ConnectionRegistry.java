package io.slideo.websocket.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;

/**
 * The sockets open on this instance, by connection and by user. Sockets are per instance by
 * nature; everything that must outlive one (the session, the notification journal) is in Redis.
 */
@ApplicationScoped
public class ConnectionRegistry {
    private final Map<String, LiveConnection> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveConnection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int limit;

    ConnectionRegistry(LiveChannelConfig config) {
        this.limit = config.maxConnections();
    }

    /** Adds the connection unless this instance is full; false means it must be refused. */
    public boolean admit(LiveConnection connection) {
        if (open.incrementAndGet() > limit) {
            open.decrementAndGet();
            return false;
        }
        byId.put(connection.id(), connection);
        byUser.compute(connection.userId(), (user, connections) -> {
            Set<LiveConnection> set = connections == null ? ConcurrentHashMap.newKeySet(2) : connections;
            set.add(connection);
            return set;
        });
        return true;
    }

    public Collection<LiveConnection> ofUser(String userId) {
        Set<LiveConnection> connections = byUser.get(userId);
        return connections == null ? List.of() : List.copyOf(connections);
    }

    /** Every connection open now (a snapshot view; connections may come and go while it is read). */
    public Collection<LiveConnection> all() {
        return byId.values();
    }

    public Optional<LiveConnection> remove(String connectionId) {
        LiveConnection connection = byId.remove(connectionId);
        if (connection == null) {
            return Optional.empty();
        }
        open.decrementAndGet();
        byUser.computeIfPresent(connection.userId(), (user, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        });
        return Optional.of(connection);
    }

    public int openCount() {
        return open.get();
    }

    public int limit() {
        return limit;
    }
}
