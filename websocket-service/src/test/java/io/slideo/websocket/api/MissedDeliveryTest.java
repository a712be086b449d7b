package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.NotificationDispatcher;
import io.vertx.core.Vertx;

/**
 * Live delivery can miss a notification the journal has (Redis away while its batch was numbered,
 * or the instance's consumer put at the end after Kafka restarted). A connected client still gets
 * every number once and in order, without resuming: what it missed comes from the journal.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class MissedDeliveryTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    NotificationJournal journal;
    @Inject
    NotificationDispatcher dispatcher;

    private final String user = TestTokens.newUser();

    @Test
    void aNotificationPastTheNextNumberComesAfterTheOnesLiveDeliveryMissed() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-1", 10, null));
            assertEquals(1, client.next().path("seq").asLong());
            Notifications.journal(journal, user, 20); // numbered, never offered to this socket
            Notifications.journal(journal, user, 30);

            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-4", 40, null));

            for (int seq = 2; seq <= 4; seq++) {
                assertEquals(seq, client.next().path("seq").asLong());
            }
            client.expectAck(client.send("ping", LiveClient.data()), "ping"); // nothing else came before it
        }
    }

    @Test
    void aNotificationTheClientAlreadyHasIsNotSentAgainWhenLiveDeliveryBringsItLate() {
        EventEnvelope first = Notifications.progress(user, "live-1", 10, null);
        dispatcher.journalAll(List.of(new NotificationDispatcher.Read(first, first.payloadAs(Notification.class))),
                Notifications.PATIENCE).await().atMost(Notifications.PATIENCE);
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            // The client got seq 1 on a connection that died, and resumes here, where seq 1 comes late.
            client.expectAck(client.send("resume", LiveClient.data().put("last_seq", 1)), "resume");
            Notifications.dispatch(dispatcher, first);
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-2", 20, null));

            assertEquals(2, client.next().path("seq").asLong());
        }
    }

    @Test
    void aGapLongerThanOneReadIsFilledWholeBeforeWhatFollowsIt() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-1", 10, null));
            assertEquals(1, client.next().path("seq").asLong());
            for (int missed = 0; missed < 1_100; missed++) { // more than one read of the journal (1,000)
                Notifications.journal(journal, user, 20);
            }

            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-1102", 40, null));

            for (int seq = 2; seq <= 1_102; seq++) {
                assertEquals(seq, client.next().path("seq").asLong());
            }
        }
    }

    @Test
    void aCatchUpSendsWhatTheJournalGotWhileNothingFollowed() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
            Notifications.dispatch(dispatcher, Notifications.progress(user, "live-1", 10, null));
            assertEquals(1, client.next().path("seq").asLong());
            Notifications.journal(journal, user, 20);
            Notifications.journal(journal, user, 30);

            dispatcher.catchUpAll();

            assertEquals(2, client.next().path("seq").asLong());
            assertEquals(3, client.next().path("seq").asLong());
            dispatcher.catchUpAll(); // nothing new: nothing sent twice
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
        }
    }
}
