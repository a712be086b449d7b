package io.slideo.websocket.service;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.Notification;
import io.slideo.model.ws.WsMessage;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * Pushes a notification to every socket its user has open on this instance; other instances do
 * the same for theirs. A user with no socket here is not an error.
 */
@ApplicationScoped
public class NotificationDispatcher {
    private final ConnectionRegistry registry;
    private final MessageSender sender;

    NotificationDispatcher(ConnectionRegistry registry, MessageSender sender) {
        this.registry = registry;
        this.sender = sender;
    }

    public Uni<Void> dispatch(Notification notification) {
        Collection<LiveConnection> connections = registry.ofUser(notification.userId());
        if (connections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Log.debugf("Notification %s (request %s) to %d connection(s) of user %s", notification.type().wireName(),
                notification.requestId(), connections.size(), notification.userId());
        List<Uni<Void>> sends = connections.stream()
                .map(connection -> sender.send(connection, WsMessage.reply(notification.type(), connection.clientId(),
                        notification.requestId(), null, notification.data())))
                .toList();
        return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }
}
