package io.slideo.websocket.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.slideo.websocket.api.UploadSteps.chunk;
import static io.slideo.websocket.api.UploadSteps.chunkMessage;
import static io.slideo.websocket.api.UploadSteps.error;
import static io.slideo.websocket.api.UploadSteps.sha256;
import static io.slideo.websocket.api.UploadSteps.start;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class ChunkedUploadTest {
    private static final int CHUNK = 256 * 1024;

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    RedisDataSource redis;

    private final String user = TestTokens.newUser();
    private final String token = TestTokens.valid(user);

    @Test
    void aFileSentInChunksBecomesADocumentWithTheSameBytes() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("paper-tracemonkey.pdf"));
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String uploadId = start(client, "paper.pdf", file);
            int chunks = (file.length + CHUNK - 1) / CHUNK;
            for (int i = 0; i < chunks; i++) {
                JsonNode progress = chunk(client, uploadId, i, slice(file, i));
                assertEquals(i + 1, progress.path("data").path("next_chunk").asInt(), progress.toString());
            }
            String end = client.send("file_upload", LiveClient.data().put("action", "end").put("upload_id", uploadId));
            client.expectAck(end, "file_upload");
            JsonNode done = client.next();
            assertEquals("progress_update", done.path("type").asText(), done.toString());
            assertEquals("uploaded", done.path("data").path("stage").asText());
            assertEquals(100, done.path("data").path("percent").asInt());
            assertTrue(done.path("data").path("document_id").asText().startsWith("doc-"), done.toString());
            assertEquals(sha256(file), await().atMost(Duration.ofSeconds(20))
                    .until(() -> FakeUpstream.uploadedSha256(end).orElse(null), d -> d != null));
            assertEquals("Bearer " + token, FakeUpstream.request(end).orElseThrow().headers().get("Authorization"));
        }
        assertTrue(redis.key().keys("slideo:upload:{" + user + "}:*").isEmpty(), "nothing left in Redis");
    }

    @Test
    void anInterruptedUploadResumesFromTheLastAcknowledgedChunkOnANewConnection() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("guide-mozilla-automated-testing.pdf"));
        String uploadId;
        try (LiveClient first = LiveClient.withQueryToken(vertx, base, token)) {
            uploadId = start(first, "guide.pdf", file);
            chunk(first, uploadId, 0, slice(file, 0));
        }
        try (LiveClient second = LiveClient.withSubprotocolToken(vertx, base, token)) {
            String status = second.send("file_upload", LiveClient.data().put("action", "status").put("upload_id", uploadId));
            second.expectAck(status, "file_upload");
            assertEquals(1, second.next().path("data").path("next_chunk").asInt());
            for (int i = 1; i * CHUNK < file.length; i++) {
                chunk(second, uploadId, i, slice(file, i));
            }
            String end = second.send("file_upload", LiveClient.data().put("action", "end").put("upload_id", uploadId));
            second.expectAck(end, "file_upload");
            assertEquals("uploaded", second.next().path("data").path("stage").asText());
            assertEquals(sha256(file), await().atMost(Duration.ofSeconds(20))
                    .until(() -> FakeUpstream.uploadedSha256(end).orElse(null), d -> d != null));
        }
    }

    @Test
    void chunksOutOfOrderOrTooManyBytesOrAWrongChecksumAreRefusedWithTheirReason() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("license-apache-2.0.txt"));
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String uploadId = start(client, "license.txt", file);
            assertEquals("INVALID_FIELD", error(client, chunkMessage(client, uploadId, 3, file)).path("code").asText());
            JsonNode refused = error(client, chunkMessage(client, uploadId, 0, Arrays.copyOf(file, file.length + 10)));
            assertEquals("TOO_LARGE", refused.path("code").asText());

            String again = start(client, "license.txt", file);
            byte[] altered = file.clone();
            altered[0] ^= 1;
            chunk(client, again, 0, altered);
            String end = client.send("file_upload", LiveClient.data().put("action", "end").put("upload_id", again));
            client.expectAck(end, "file_upload");
            JsonNode mismatch = client.next().path("data");
            assertEquals("INVALID_FIELD", mismatch.path("code").asText());
            assertTrue(mismatch.path("message").asText().contains("SHA-256"), mismatch.toString());
        }
    }

    @Test
    void anotherUsersUploadDoesNotExistAndOversizedFilesAreRefusedAtTheStart() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("license-apache-2.0.txt"));
        String uploadId;
        try (LiveClient owner = LiveClient.withQueryToken(vertx, base, token)) {
            uploadId = start(owner, "license.txt", file);
        }
        try (LiveClient stranger = LiveClient.withQueryToken(vertx, base, TestTokens.valid(TestTokens.newUser()))) {
            assertEquals("NOT_FOUND", error(stranger, chunkMessage(stranger, uploadId, 0, file)).path("code").asText());
            String huge = stranger.send("file_upload", LiveClient.data().put("action", "start").put("file_name", "big.pdf")
                    .put("size", 5L << 30).put("sha256", sha256(file)));
            assertEquals("TOO_LARGE", error(stranger, huge).path("code").asText());
        }
    }

    @Test
    void aFileDocumentServiceRefusesIsRefusedWithItsCode() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("hostile/lying-extension-exe.pdf"));
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String uploadId = start(client, "report.pdf", file);
            chunk(client, uploadId, 0, file);
            String end = client.send("file_upload", LiveClient.data().put("action", "end").put("upload_id", uploadId));
            JsonNode error = error(client, end);
            assertEquals("UNSUPPORTED_TYPE", error.path("code").asText());
            assertEquals(end, error.path("request_id").asText());
        }
    }

    private static byte[] slice(byte[] file, int index) {
        return Arrays.copyOfRange(file, index * CHUNK, Math.min(file.length, (index + 1) * CHUNK));
    }

}
