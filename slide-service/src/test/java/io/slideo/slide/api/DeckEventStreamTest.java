package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.slide.client.FakeContentService;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/**
 * GET /api/v1/decks/{id}/events reads the user's notification journal: notifications are published on
 * notification.v1 and journaled as websocket-service does (here by NotificationJournaler, through the
 * shared writer); the stream replays what was journaled, by number, then follows.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeContentService.class, restrictToAnnotatedClass = true)
class DeckEventStreamTest {
    private static final ObjectMapper JSON = EventCodec.newMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Inject
    NotificationJournal journal;

    private final String user = TestTokens.newUser();

    /** One server-sent event as the client read it (id null when it had none). */
    record Received(String id, String name, JsonNode body) {
        String marker() {
            return body.path("data").path("marker").asText(null);
        }
    }

    @Test
    void eventsPublishedBeforeTheStreamOpensAreReplayedOnceInOrderThenLiveOnesFollow() throws Exception {
        String deckId = newDeck("replayed-1");
        publish(deckId, "replayed-1", ServerMessageType.SLIDE_COMPLETE, "early-1");
        publish(deckId, "replayed-1", ServerMessageType.SLIDE_COMPLETE, "early-2");
        publish(UUID.randomUUID().toString(), null, ServerMessageType.SLIDE_COMPLETE, "another deck");
        publish(deckId, "replayed-1", ServerMessageType.SLIDE_COMPLETE, "early-3");
        awaitJournaled(4);

        EventStream stream = EventStream.open(deckId, user, null);
        List<Received> first = stream.take(4);
        assertEquals(List.of("deck_status", "slide_complete", "slide_complete", "slide_complete"),
                first.stream().map(Received::name).toList());
        assertEquals(List.of("early-1", "early-2", "early-3"), markers(first));

        publish(deckId, "replayed-1", ServerMessageType.SLIDE_COMPLETE, "live-1");
        publish(deckId, "replayed-1", ServerMessageType.DECK_COMPLETE, "live-end");
        List<Received> all = new ArrayList<>(first);
        all.addAll(stream.untilClosed());

        assertEquals(List.of("early-1", "early-2", "early-3", "live-1", "live-end"), markers(all), all.toString());
        assertEquals("deck_complete", all.get(all.size() - 1).name());
        // Each journaled event carries its journal number as its id: the number Last-Event-ID resumes after.
        List<JournalEntry> journaled = journal.from(user, 1, 100).await().atMost(PATIENCE).entries();
        for (Received event : all.subList(1, all.size())) {
            JournalEntry entry = journaled.stream().filter(e -> e.data().contains("\"" + event.marker() + "\""))
                    .findFirst().orElseThrow();
            assertEquals(Long.toString(entry.seq()), event.id(), event.toString());
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsOnlyTheEventsAfterIt() throws Exception {
        String deckId = newDeck("resumed-1");
        publish(deckId, "resumed-1", ServerMessageType.SLIDE_COMPLETE, "seen-1");
        publish(deckId, "resumed-1", ServerMessageType.SLIDE_COMPLETE, "seen-2");
        awaitJournaled(2);
        EventStream first = EventStream.open(deckId, user, null);
        List<Received> seen = first.take(3);
        assertEquals(List.of("seen-1", "seen-2"), markers(seen));
        first.close();

        publish(deckId, "resumed-1", ServerMessageType.SLIDE_COMPLETE, "missed-1");
        publish(deckId, "resumed-1", ServerMessageType.DECK_COMPLETE, "missed-end");
        awaitJournaled(4);
        String lastEventId = seen.get(2).id();
        List<Received> resumed = EventStream.open(deckId, user, lastEventId).untilClosed();

        assertEquals(List.of("missed-1", "missed-end"), markers(resumed), resumed.toString());
        for (Received event : resumed) {
            assertTrue(event.id() == null || Long.parseLong(event.id()) > Long.parseLong(lastEventId), event.toString());
        }
    }

    private String newDeck(String requestId) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user)).contentType(ContentType.JSON)
                .header("X-Request-Id", requestId)
                .body(Map.of("documentIds", List.of(UUID.randomUUID().toString()), "slideCount", 3))
                .post("/api/v1/decks").then().statusCode(202).extract().path("deckId");
    }

    private void publish(String deckId, String requestId, ServerMessageType type, String marker) {
        JsonNode data = JSON.createObjectNode().put("deck_id", deckId).put("marker", marker);
        kafka.send(Topic.NOTIFICATION, EventEnvelope.of(Topic.NOTIFICATION, user, user,
                new Notification(user, type, requestId, data)));
    }

    private void awaitJournaled(long count) {
        await().atMost(PATIENCE).until(() -> journal.bounds(user).await().atMost(PATIENCE).latest() >= count);
    }

    private static List<String> markers(List<Received> events) {
        return events.stream().map(Received::marker).filter(m -> m != null).toList();
    }

    /** A deck's event stream read as a browser's EventSource would, event by event. */
    static final class EventStream {
        private static final Received CLOSED = new Received(null, null, null);
        private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
        private volatile Stream<String> lines;

        static EventStream open(String deckId, String user, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                    + io.restassured.RestAssured.port + "/api/v1/decks/" + deckId + "/events"))
                    .header("Authorization", "Bearer " + TestTokens.valid(user)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            EventStream stream = new EventStream();
            stream.lines = response.body();
            Thread reader = new Thread(() -> stream.read(response.body()), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            return stream;
        }

        private void read(Stream<String> body) {
            String[] event = new String[3];
            try {
                body.forEach(line -> {
                    if (line.isEmpty()) {
                        if (event[1] != null) {
                            events.add(new Received(event[0], event[1], parse(event[2])));
                        }
                        event[0] = event[1] = event[2] = null;
                    } else if (line.startsWith("id:")) {
                        event[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        event[2] = line.substring(5).trim();
                    }
                });
            } catch (RuntimeException closed) {
                // The test closed the stream.
            } finally {
                events.add(CLOSED);
            }
        }

        private static JsonNode parse(String data) {
            try {
                return JSON.readTree(data == null ? "{}" : data);
            } catch (Exception e) {
                throw new IllegalStateException(data, e);
            }
        }

        List<Received> take(int count) throws InterruptedException {
            List<Received> taken = new ArrayList<>();
            while (taken.size() < count) {
                Received event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertTrue(event != null && event != CLOSED, "only " + taken + " arrived");
                taken.add(event);
            }
            return taken;
        }

        List<Received> untilClosed() throws InterruptedException {
            List<Received> taken = new ArrayList<>();
            while (true) {
                Received event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertTrue(event != null, "the stream did not end; got " + taken);
                if (event == CLOSED) {
                    return taken;
                }
                taken.add(event);
            }
        }

        void close() {
            lines.close();
        }
    }
}
