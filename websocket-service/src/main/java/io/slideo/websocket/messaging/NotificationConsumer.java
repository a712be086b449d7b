package io.slideo.websocket.messaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.websocket.service.NotificationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * Every instance reads all of notification.v1 (a consumer group of its own, from the latest
 * record) because any instance may hold the user's socket. Each user's notifications are
 * dispatched one after another, in the order read, but different users' at the same time: one at
 * a time for everybody would cap the instance at one Redis round trip per notification (a few
 * hundred a second), however idle it is. Up to {@link #MAX_IN_FLIGHT} are under way at once; past
 * that the consumer waits. Nothing is committed in this group, so letting a record go before its
 * dispatch ends loses nothing. A record that cannot be read is skipped here: the shared journal
 * group sends it to the dead-letter topic, once.
 */
@ApplicationScoped
public class NotificationConsumer {
    static final int MAX_IN_FLIGHT = 512;

    private final NotificationDispatcher dispatcher;
    // Per user, the dispatch started last: the user's next one starts when it ends.
    private final Map<String, CompletableFuture<Void>> lastOfUser = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    NotificationConsumer(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("notification")
    public Uni<Void> onNotification(String record) {
        EventEnvelope envelope;
        Notification notification;
        try {
            envelope = EventCodec.decode(record);
            notification = NotificationRecords.read(envelope);
        } catch (EventCodec.MalformedEventException e) {
            Log.debugf("Skipping an unreadable notification: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String user = notification.userId();
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Records arrive one at a time, so no other record of this user can slip in between.
        CompletableFuture<Void> previous = lastOfUser.put(user, done);
        inFlight.incrementAndGet();
        if (previous == null) {
            dispatch(envelope, notification, done);
        } else {
            previous.whenComplete((ignored, failure) -> dispatch(envelope, notification, done));
        }
        return inFlight.get() >= MAX_IN_FLIGHT ? Uni.createFrom().completionStage(done) : Uni.createFrom().voidItem();
    }

    private void dispatch(EventEnvelope envelope, Notification notification, CompletableFuture<Void> done) {
        dispatcher.dispatch(envelope, notification).subscribe().with(
                ignored -> finish(notification.userId(), done),
                failure -> {
                    Log.errorf("Notification %s of user %s not delivered here: %s", envelope.eventId(),
                            notification.userId(), failure.toString());
                    finish(notification.userId(), done);
                });
    }

    private void finish(String user, CompletableFuture<Void> done) {
        lastOfUser.remove(user, done);
        inFlight.decrementAndGet();
        done.complete(null);
    }
}
