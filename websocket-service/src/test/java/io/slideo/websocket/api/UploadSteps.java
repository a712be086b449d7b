package io.slideo.websocket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

/** The client's side of a chunked upload (file_upload start, chunk, end), as the upload tests speak it. */
final class UploadSteps {
    private UploadSteps() {
    }

    /** Sends start and returns the id of the upload the server answered with. */
    static String start(LiveClient client, String name, long size, String sha256) {
        String id = startMessage(client, name, size, sha256);
        client.expectAck(id, "file_upload");
        JsonNode started = client.next();
        assertEquals("progress_update", started.path("type").asText(), started.toString());
        assertEquals(0, started.path("data").path("next_chunk").asInt());
        return started.path("data").path("upload_id").asText();
    }

    static String start(LiveClient client, String name, byte[] file) {
        return start(client, name, file.length, sha256(file));
    }

    static String startMessage(LiveClient client, String name, long size, String sha256) {
        return client.send("file_upload", LiveClient.data().put("action", "start").put("file_name", name)
                .put("size", size).put("sha256", sha256));
    }

    /** Sends chunk {@code index} and returns the progress_update that answers it. */
    static JsonNode chunk(LiveClient client, String uploadId, int index, byte[] bytes) {
        String id = chunkMessage(client, uploadId, index, bytes);
        client.expectAck(id, "file_upload");
        JsonNode progress = client.next();
        assertEquals("progress_update", progress.path("type").asText(), progress.toString());
        assertEquals(uploadId, progress.path("data").path("upload_id").asText());
        return progress;
    }

    static String chunkMessage(LiveClient client, String uploadId, int index, byte[] bytes) {
        return client.send("file_upload", LiveClient.data().put("action", "chunk").put("upload_id", uploadId)
                .put("index", index).put("chunk", Base64.getEncoder().encodeToString(bytes)));
    }

    static String endMessage(LiveClient client, String uploadId) {
        return client.send("file_upload", LiveClient.data().put("action", "end").put("upload_id", uploadId));
    }

    /** The error_response that follows the ack of message {@code id}. */
    static JsonNode error(LiveClient client, String id) {
        client.expectAck(id, "file_upload");
        JsonNode error = client.next();
        assertEquals("error_response", error.path("type").asText(), error.toString());
        return error.path("data");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
