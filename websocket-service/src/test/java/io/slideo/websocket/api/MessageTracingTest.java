package io.slideo.websocket.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.service.NotificationDispatcher;
import io.vertx.core.Vertx;

/**
 * What a client message and a notification look like in a trace: each message handled is a span of
 * its own whose children are the calls it makes upstream, and each notification written to a socket
 * is a span under the record that carried it. Spans are read from an in-memory exporter.
 */
@QuarkusTest
@TestProfile(SpansInMemory.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class MessageTracingTest {
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("slideo.ws.message_id");
    private static final AttributeKey<String> USER = AttributeKey.stringKey("enduser.id");

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    NotificationDispatcher dispatcher;

    private final String user = TestTokens.newUser();

    @Test
    void aClientMessageIsTheParentOfTheRestCallItMakesAfterARedisRead() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            // No theme in the message: the handler reads the session's theme from Redis first, so the REST
            // call is made from the Redis client's callback, not from the frame handler.
            String id = client.send("content_planning", LiveClient.data().put("description", "Roadmap")
                    .set("document_ids", LiveClient.MAPPER.createArrayNode().add("doc-1")));
            client.expectAck(id, "content_planning");

            SpanData message = awaitSpan(s -> s.getName().equals("ws content_planning")
                    && id.equals(s.getAttributes().get(MESSAGE_ID)));
            assertEquals(user, message.getAttributes().get(USER));
            assertFalse(message.getParentSpanContext().isValid(), "a message starts a trace of its own");
            SpanData read = awaitSpan(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("hget")
                    && s.getParentSpanId().equals(message.getSpanId()));
            SpanData call = awaitSpan(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("POST")
                    && s.getParentSpanId().equals(message.getSpanId()));
            assertEquals(message.getTraceId(), call.getTraceId());
            assertTrue(call.getStartEpochNanos() >= read.getEndEpochNanos(), "the REST call follows the Redis read");

            String traceparent = FakeUpstream.request(id).orElseThrow().headers().get("traceparent");
            assertEquals("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01", traceparent,
                    "content-service is asked under the client span, so its spans join the message's trace");
        }
    }

    @Test
    void twoMessagesOnOneSocketAreTwoTraces() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            String first = client.send("theme_selection", LiveClient.data().put("theme_id", "aurora"));
            client.expectAck(first, "theme_selection");
            String second = client.send("theme_selection", LiveClient.data().put("theme_id", "aurora"));
            client.expectAck(second, "theme_selection");

            SpanData one = awaitSpan(s -> first.equals(s.getAttributes().get(MESSAGE_ID)));
            SpanData other = awaitSpan(s -> second.equals(s.getAttributes().get(MESSAGE_ID)));
            assertEquals("ws theme_selection", one.getName());
            assertNotEquals(one.getTraceId(), other.getTraceId());
        }
    }

    @Test
    void aNotificationWrittenToASocketIsASpanUnderTheRecordThatCarriedIt() {
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, TestTokens.valid(user))) {
            // Any first message but a resume lets notifications through.
            client.expectAck(client.send("ping", LiveClient.data()), "ping");
            SpanContext producer = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736",
                    "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
            EventEnvelope envelope = Notifications.progress(user, "req-traced", 30, "Writing");
            dispatcher.dispatchAll(List.of(new NotificationDispatcher.Read(envelope,
                    envelope.payloadAs(Notification.class), Context.root().with(Span.wrap(producer)))))
                    .await().atMost(Notifications.PATIENCE);
            assertEquals("req-traced", client.next().path("request_id").asText());

            SpanData delivered = awaitSpan(s -> s.getName().equals("ws deliver progress_update")
                    && s.getTraceId().equals(producer.getTraceId()));
            assertEquals(producer.getSpanId(), delivered.getParentSpanId());
            assertEquals("sent", delivered.getAttributes().get(AttributeKey.stringKey("slideo.ws.outcome")));
            assertEquals(user, delivered.getAttributes().get(USER));
        }
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        Optional<SpanData>[] found = new Optional[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            return found[0].isPresent();
        });
        return found[0].get();
    }
}
