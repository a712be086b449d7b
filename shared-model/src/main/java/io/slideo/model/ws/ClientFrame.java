package io.slideo.model.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;

/**
 * A client message read from a text frame: the envelope plus its typed body. Reading fails with
 * {@code INVALID_JSON}, {@code UNKNOWN_TYPE} or {@code INVALID_FIELD}, and the message says which.
 */
public record ClientFrame(WsMessage envelope, ClientMessageType type, ClientPayload payload) {
    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    public static ClientFrame parse(String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SlideoException(ErrorCode.INVALID_JSON, "The message is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new SlideoException(ErrorCode.INVALID_JSON, "A message must be a JSON object");
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, "Field 'type' is required and must be a string");
        }
        ClientMessageType type = ClientMessageType.ofWireName(typeNode.asText())
                .orElseThrow(() -> new SlideoException(ErrorCode.UNKNOWN_TYPE,
                        "Unknown message type '" + typeNode.asText() + "'"));
        WsMessage envelope;
        try {
            envelope = MAPPER.treeToValue(tree, WsMessage.class);
        } catch (JsonProcessingException e) {
            throw invalidField(e);
        }
        JsonNode data = envelope.data() == null || envelope.data().isNull() ? MAPPER.createObjectNode() : envelope.data();
        if (!data.isObject()) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, "Field 'data' must be a JSON object");
        }
        try {
            return new ClientFrame(envelope, type, MAPPER.treeToValue(data, type.dataType()));
        } catch (JsonProcessingException e) {
            throw invalidField(e);
        }
    }

    /** The id replies refer to; a client that sent none still gets a stable one per frame. */
    public String requestId() {
        return envelope.id();
    }

    private static SlideoException invalidField(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            return new SlideoException(ErrorCode.INVALID_FIELD, "Field '" + field + "' has the wrong type");
        }
        return new SlideoException(ErrorCode.INVALID_FIELD, "The message does not fit its type: " + e.getOriginalMessage());
    }
}
