package io.slideo.slide.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkus.logging.Log;
import io.slideo.model.event.EventCodec;
import io.slideo.runtime.notification.JournalEntry;

/**
 * One event of a deck's stream: a journaled notification (numbered by its user's journal, the
 * number being the SSE event id) or a state this service reads from its own tables (seq 0, no id).
 */
public record DeckEvent(long seq, String type, String requestId, String deckId, JsonNode data) {
    private static final ObjectMapper JSON = EventCodec.newMapper();

    /** The journal's entry, with the deck it concerns (its {@code deck_id}, or a plan's {@code plan_id}). */
    public static DeckEvent of(JournalEntry entry) {
        JsonNode data = parse(entry);
        String deckId = text(data, "deck_id");
        return new DeckEvent(entry.seq(), entry.type(), entry.requestId(), deckId != null ? deckId : text(data, "plan_id"),
                data);
    }

    public boolean numbered() {
        return seq > 0;
    }

    public boolean ends() {
        return "deck_complete".equals(type) || "error_response".equals(type);
    }

    private static JsonNode parse(JournalEntry entry) {
        try {
            return entry.data() == null ? NullNode.getInstance() : JSON.readTree(entry.data());
        } catch (JsonProcessingException e) {
            Log.warnf("Journal entry %d (event %s) has unreadable data: %s", entry.seq(), entry.eventId(),
                    e.getOriginalMessage());
            return NullNode.getInstance();
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
