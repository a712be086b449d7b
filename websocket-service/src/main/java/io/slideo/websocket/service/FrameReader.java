package io.slideo.websocket.service;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.slideo.model.event.EventCodec;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.ClientPayload;
import io.slideo.model.ws.Ping;
import io.slideo.model.ws.WsMessage;

/**
 * Reads a client frame in one pass over its text. {@link ClientFrame#parse} builds a tree, maps the
 * envelope from it, then maps the payload from a part of it: three passes, for every keep-alive
 * too. Here the common shape (fields {@code id}, {@code type}, {@code client_id},
 * {@code request_id} as strings or null, and a {@code data} object) is read straight off the
 * parser, and only a non-empty {@code data} becomes a tree for its typed payload. Anything else
 * (other fields, other value types, an unknown type, trailing text, a payload that does not fit)
 * is left to {@link ClientFrame#parse}, so every error keeps its code and its wording.
 */
final class FrameReader {
    private static final ObjectMapper MAPPER = EventCodec.newMapper();
    private static final Ping PING = new Ping();

    private FrameReader() {
    }

    static ClientFrame read(String text) {
        ClientFrame frame = readCommonShape(text);
        return frame != null ? frame : ClientFrame.parse(text);
    }

    /** The frame, or null when it is not of the common shape (the full reader decides then). */
    static ClientFrame readCommonShape(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            String type = null;
            String clientId = null;
            String requestId = null;
            JsonNode data = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data")) {
                    if (value == JsonToken.VALUE_NULL) {
                        data = NullNode.getInstance();
                    } else if (value == JsonToken.START_OBJECT) {
                        data = MAPPER.readTree(parser);
                    } else {
                        return null;
                    }
                    continue;
                }
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    return null;
                }
                String string = value == JsonToken.VALUE_NULL ? null : parser.getText();
                switch (field) {
                    case "id" -> id = string;
                    case "type" -> type = string;
                    case "client_id" -> clientId = string;
                    case "request_id" -> requestId = string;
                    default -> {
                        return null;
                    }
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null || type == null) {
                return null;
            }
            ClientMessageType messageType = ClientMessageType.ofWireName(type).orElse(null);
            if (messageType == null) {
                return null;
            }
            ClientPayload payload;
            if (data == null || data.isNull() || data.isEmpty()) {
                payload = messageType == ClientMessageType.PING ? PING
                        : MAPPER.treeToValue(MAPPER.createObjectNode(), messageType.dataType());
            } else {
                payload = MAPPER.treeToValue(data, messageType.dataType());
            }
            return new ClientFrame(new WsMessage(id, type, null, clientId, requestId, null, data), messageType, payload);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
