package io.slideo.websocket.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;

/** The one-pass reader reads every frame as ClientFrame.parse does, and refuses bad ones with the same error. */
class FrameReaderTest {

    @Test
    void readsCommonFramesInOnePassExactlyAsTheFullReaderDoes() {
        List<String> frames = List.of(
                "{\"type\":\"ping\",\"client_id\":\"bench\",\"data\":{}}",
                "{\"type\":\"ping\"}",
                "{\"id\":\"m-1\",\"type\":\"ping\",\"data\":null}",
                "{\"id\":null,\"type\":\"resume\",\"request_id\":\"r\",\"data\":{\"last_seq\":12}}",
                "{\"id\":\"m-2\",\"type\":\"theme_selection\",\"data\":{\"theme_id\":\"midnight\",\"extra\":[1,2]}}",
                "{\"type\":\"file_upload\",\"data\":{\"action\":\"chunk\",\"upload_id\":\"u\",\"index\":3,\"chunk\":\"QUJD\"}}",
                "{\"type\":\"ping\",\"id\":\"first\",\"id\":\"second\"}");
        for (String text : frames) {
            assertNotNull(FrameReader.readCommonShape(text), text);
            assertEquals(ClientFrame.parse(text), FrameReader.read(text), text);
        }
    }

    @Test
    void leavesEveryOtherShapeToTheFullReader() {
        List<String> frames = List.of(
                "{\"type\":\"ping\",\"timestamp\":\"2026-01-01T00:00:00Z\"}",
                "{\"type\":\"ping\",\"id\":5}",
                "{\"type\":\"ping\",\"data\":{}} trailing",
                "{\"type\":\"resume\",\"data\":{\"last_seq\":\"twelve\"}}",
                "{\"type\":\"nope\"}",
                "[1,2]");
        for (String text : frames) {
            assertNull(FrameReader.readCommonShape(text), text);
        }
        assertEquals(ClientFrame.parse(frames.get(0)), FrameReader.read(frames.get(0)));
        assertEquals(ClientFrame.parse(frames.get(1)), FrameReader.read(frames.get(1)));
    }

    @Test
    void refusesBadFramesWithTheFullReadersCodeAndWords() {
        List<String> frames = List.of("not json", "[1,2]", "{}", "{\"type\":7}", "{\"type\":\"nope\"}",
                "{\"type\":\"ping\",\"data\":[1]}", "{\"type\":\"resume\",\"data\":{\"last_seq\":\"twelve\"}}",
                "{\"type\":\"ping\",\"data\":{\"a\":1}", "{\"type\":\"theme_selection\",\"data\":{\"theme_id\":{}}}");
        for (String text : frames) {
            SlideoException expected = assertThrows(SlideoException.class, () -> ClientFrame.parse(text), text);
            SlideoException actual = assertThrows(SlideoException.class, () -> FrameReader.read(text), text);
            assertEquals(expected.code(), actual.code(), text);
            assertEquals(expected.getMessage(), actual.getMessage(), text);
        }
    }
}
