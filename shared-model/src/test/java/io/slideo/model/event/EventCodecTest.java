package io.slideo.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.slideo.model.error.ErrorCode;

class EventCodecTest {

    @Test
    void envelopeSurvivesARoundTripWithItsTypedPayload() {
        var payload = new DocumentFailed("doc-1", "req-1", ErrorCode.ENCRYPTED, "The PDF needs a password");
        EventEnvelope sent = EventEnvelope.of(Topic.DOCUMENT_FAILED, "doc-1", "user-1", payload);

        EventEnvelope received = EventCodec.decode(EventCodec.encode(sent));

        assertEquals(sent.eventId(), received.eventId());
        assertEquals("document.failed", received.type());
        assertEquals(1, received.version());
        assertEquals("user-1", received.userId());
        assertEquals(payload, received.payloadAs(DocumentFailed.class));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = """
                {"eventId":"6f1c2b1e-8a57-4d43-9d6b-0d0c8e0f7a11","type":"deck.completed","version":1,
                 "aggregateId":"deck-9","userId":"u","occurredAt":"2026-01-01T00:00:00Z",
                 "payload":{"deckId":"deck-9","generationId":"g","requestId":null,"slidesInGeneration":3,"colour":"red"},
                 "traceparent":"00-abc"}""";

        DeckCompleted completed = EventCodec.decode(json).payloadAs(DeckCompleted.class);

        assertEquals(3, completed.slidesInGeneration());
        assertEquals(TokenUsage.OFFLINE, completed.usage(), "a completion from before usage was reported");
    }

    @Test
    void aCompletionCarriesTheDecksTokenUsage() {
        var completed = new DeckCompleted("deck-9", "g", "r", 12, new TokenUsage("openai:gpt-4o-mini", 19818, 1236));
        EventEnvelope sent = EventEnvelope.of(Topic.DECK_COMPLETED, "deck-9", "u", completed);

        DeckCompleted received = EventCodec.decode(EventCodec.encode(sent)).payloadAs(DeckCompleted.class);

        assertEquals(completed, received);
        assertEquals(21054, received.usage().totalTokens());
    }

    @Test
    void refusesARecordThatIsNotAnEnvelope() {
        assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.decode("{\"hello\":1}"));
        assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.decode("not json"));
    }

    @Test
    void refusesAPayloadOfTheWrongTypeForItsTopic() {
        var wrong = new DeckCompleted("d", "g", null, 1);
        assertThrows(IllegalArgumentException.class, () -> EventEnvelope.of(Topic.SLIDE_GENERATED, "d", "u", wrong));
    }

    @Test
    void topicNamesCarryTheirMajorVersion() {
        assertEquals("document.uploaded.v1", Topic.DOCUMENT_UPLOADED.topicName());
        assertEquals("document.uploaded.v1.dlq", Topic.DOCUMENT_UPLOADED.deadLetterTopicName());
        assertEquals(Topic.NOTIFICATION, Topic.ofTopicName("notification.v1"));
    }
}
