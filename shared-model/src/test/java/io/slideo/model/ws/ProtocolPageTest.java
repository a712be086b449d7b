package io.slideo.model.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventCodec;

/**
 * docs/websocket-protocol.md follows the records of this package: every message type has its row,
 * naming its record and every field the record puts on the wire; every envelope field and every
 * error code is there, with its retryability. A field added to a record without a word on the page
 * fails here.
 */
class ProtocolPageTest {
    private static final Path PAGE = Path.of("..", "docs", "websocket-protocol.md");
    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    @Test
    void everyClientMessageTypeHasItsRowWithItsRecordAndEveryField() throws IOException {
        List<String> rows = tableRows("Client → server");
        for (ClientMessageType type : ClientMessageType.values()) {
            String row = rowOf(rows, type.wireName());
            assertRecordRow(row, type.dataType());
        }
        assertEquals(ClientMessageType.values().length, rows.size(), "one row per client message type: " + rows);
    }

    @Test
    void everyServerMessageTypeHasItsRowWithItsRecordAndEveryField() throws IOException {
        List<String> rows = tableRows("Server → client");
        for (Class<?> record : ServerPayload.class.getPermittedSubclasses()) {
            ServerMessageType type = blank(record).messageType();
            assertRecordRow(rowOf(rows, type.wireName()), record);
        }
        assertEquals(ServerMessageType.values().length, rows.size(), "one row per server message type: " + rows);
        assertEquals(ServerMessageType.values().length, ServerPayload.class.getPermittedSubclasses().length,
                "one record per server message type");
    }

    @Test
    void everyEnvelopeFieldIsDescribed() throws IOException {
        List<String> rows = tableRows("The envelope");
        for (String field : wireFields(WsMessage.class)) {
            rowOf(rows, field);
        }
        assertEquals(wireFields(WsMessage.class).size(), rows.size(), "one row per envelope field: " + rows);
    }

    @Test
    void everyErrorCodeIsListedWithItsRetryability() throws IOException {
        List<String> rows = tableRows("Errors");
        for (ErrorCode code : ErrorCode.values()) {
            String token = "`" + code.name() + "`";
            String row = rows.stream().filter(r -> cells(r).get(0).contains(token)).findFirst()
                    .orElseThrow(() -> new AssertionError(code + " is not on the protocol page"));
            assertEquals(code.retryable() ? "yes" : "no", cells(row).get(1), "retryable of " + code);
        }
    }

    private static void assertRecordRow(String row, Class<?> record) {
        List<String> cells = cells(row);
        assertEquals("`" + record.getSimpleName() + "`", cells.get(1), "the record named in " + row);
        String fields = String.join(" | ", cells.subList(2, cells.size()));
        for (String field : wireFields(record)) {
            assertTrue(fields.contains("`" + field + "`"), "field " + field + " of " + record.getSimpleName()
                    + " is not described in: " + row);
        }
    }

    /** The names a record's fields have on the wire (snake_case, as the suite's mapper writes them). */
    private static List<String> wireFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (BeanPropertyDefinition property : MAPPER.getSerializationConfig()
                .introspect(MAPPER.constructType(type)).findProperties()) {
            if (property.couldSerialize()) {
                names.add(property.getName());
            }
        }
        return names;
    }

    /** A record built with empty values, to ask it which message type carries it. */
    private static ServerPayload blank(Class<?> record) {
        try {
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                // The type's default: null, or a primitive's zero (an array's first element is one).
                values[i] = Array.get(Array.newInstance(types[i], 1), 0);
            }
            return (ServerPayload) record.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot build " + record.getSimpleName(), e);
        }
    }

    private static String rowOf(List<String> rows, String firstCell) {
        Optional<String> row = rows.stream().filter(r -> cells(r).get(0).equals("`" + firstCell + "`")).findFirst();
        assertTrue(row.isPresent(), "`" + firstCell + "` has no row on the protocol page");
        return row.get();
    }

    /** The body rows of the first table under the heading {@code ## <title>}. */
    private static List<String> tableRows(String title) throws IOException {
        List<String> lines = Files.readAllLines(PAGE);
        int at = lines.indexOf("## " + title);
        assertTrue(at >= 0, "no section '" + title + "' on " + PAGE);
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(line);
            } else if (inTable) {
                break;
            }
        }
        assertFalse(rows.size() < 3, "no table under '" + title + "'");
        return rows.subList(2, rows.size()); // past the header and its rule
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.lastIndexOf('|')).split("(?<!\\\\)\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
