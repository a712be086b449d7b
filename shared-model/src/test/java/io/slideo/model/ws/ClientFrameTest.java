package io.slideo.model.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

class ClientFrameTest {

    @Test
    void readsATypedContentPlanningMessage() {
        ClientFrame frame = ClientFrame.parse("""
                {"id":"m-1","type":"content_planning","client_id":"c-1",
                 "data":{"document_ids":["d1","d2"],"description":"Quarterly review","slide_count":8}}""");

        assertEquals(ClientMessageType.CONTENT_PLANNING, frame.type());
        assertEquals("m-1", frame.requestId());
        assertEquals("c-1", frame.envelope().clientId());
        ContentPlanning planning = (ContentPlanning) frame.payload();
        assertEquals(List.of("d1", "d2"), planning.documentIds());
        assertEquals(8, planning.slideCount());
    }

    @Test
    void aPingNeedsNoData() {
        assertTrue(ClientFrame.parse("{\"id\":\"p\",\"type\":\"ping\"}").payload() instanceof Ping);
    }

    @Test
    void eachKindOfBadFrameGetsItsOwnCode() {
        assertEquals(ErrorCode.INVALID_JSON, codeOf("{not json"));
        assertEquals(ErrorCode.INVALID_JSON, codeOf("[1,2]"));
        assertEquals(ErrorCode.INVALID_FIELD, codeOf("{\"id\":\"x\"}"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, codeOf("{\"type\":\"launch_rocket\"}"));
        assertEquals(ErrorCode.INVALID_FIELD, codeOf("{\"type\":\"slide_generation\",\"data\":{\"slide_indexes\":\"all\"}}"));
        assertEquals(ErrorCode.INVALID_FIELD, codeOf("{\"type\":\"ping\",\"data\":5}"));
    }

    @Test
    void aWrongTypedFieldIsNamed() {
        SlideoException e = assertThrows(SlideoException.class,
                () -> ClientFrame.parse("{\"type\":\"resume\",\"data\":{\"last_seq\":\"yesterday\"}}"));
        assertTrue(e.getMessage().contains("last_seq"), e.getMessage());
    }

    private static ErrorCode codeOf(String text) {
        return assertThrows(SlideoException.class, () -> ClientFrame.parse(text)).code();
    }
}
