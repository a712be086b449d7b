package io.slideo.model.event;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Explicit JSON (de)serialisation of events. Unknown fields are ignored because fields are
 * only ever added to a topic's payload: an older consumer must read a newer producer's events.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = newMapper();

    private EventCodec() {
    }

    /** The mapper the suite uses for events and the WebSocket protocol. */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static String encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an envelope; a record that is not one is reported, never silently dropped. */
    public static EventEnvelope decode(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
                throw new MalformedEventException("Event lacks eventId, type or payload");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** Thrown for records on a topic that cannot be read; consumers send them to the DLQ. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
