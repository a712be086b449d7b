package io.slideo.websocket.api;

import static io.slideo.websocket.api.UploadSteps.chunk;
import static io.slideo.websocket.api.UploadSteps.chunkMessage;
import static io.slideo.websocket.api.UploadSteps.endMessage;
import static io.slideo.websocket.api.UploadSteps.error;
import static io.slideo.websocket.api.UploadSteps.sha256;
import static io.slideo.websocket.api.UploadSteps.start;
import static io.slideo.websocket.api.UploadSteps.startMessage;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.slideo.websocket.repository.UploadStore;
import io.slideo.websocket.repository.UploadStore.Admission;
import io.slideo.websocket.repository.UploadStore.Allowance;
import io.slideo.websocket.repository.UploadStore.Upload;
import io.slideo.websocket.service.AbandonedUploads;
import io.vertx.core.Vertx;

/**
 * Where an upload's bytes live while it is in progress (the blob store, one blob per chunk, never Redis),
 * how many a user may have at once, and that an upload ended badly or abandoned leaves nothing behind.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class UploadLifecycleTest {
    /** Small, so that the corpus files used here make several chunks. */
    private static final int CHUNK = 32 * 1024;

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    RedisDataSource redis;
    @Inject
    BlobStore blobs;
    @Inject
    AbandonedUploads abandoned;
    @Inject
    UploadStore uploads;

    private final String user = TestTokens.newUser();
    private final String token = TestTokens.valid(user);

    @Test
    void aFourthUploadInProgressIsRefusedWithQuotaExceededUntilOneEnds() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("license-apache-2.0.txt"));
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            String first = start(client, "one.txt", file);
            start(client, "two.txt", file);
            start(client, "three.txt", file);
            JsonNode refused = error(client, startMessage(client, "four.txt", file.length, sha256(file)));
            assertEquals("QUOTA_EXCEEDED", refused.path("code").asText(), refused.toString());
            assertTrue(refused.path("message").asText().contains("3 uploads in progress"), refused.toString());
            assertFalse(refused.path("retryable").asBoolean());

            chunk(client, first, 0, file);
            String end = endMessage(client, first);
            client.expectAck(end, "file_upload");
            assertEquals("uploaded", client.next().path("data").path("stage").asText());
            start(client, "four.txt", file);
        }
    }

    @Test
    void theBytesAnnouncedByUploadsInProgressAreLimitedTogetherAndAnExpiredUploadNoLongerCounts() {
        Allowance allowance = new Allowance(3, 1000);
        Upload first = upload(600);
        assertEquals(new Admission(true, false, 1, 600), startDirectly(first, allowance));
        assertEquals(new Admission(false, false, 1, 600), startDirectly(upload(401), allowance));
        assertEquals(new Admission(true, false, 2, 1000), startDirectly(upload(400), allowance));

        redis.key().del("slideo:upload:{" + user + "}:" + first.id());
        assertEquals(new Admission(true, false, 2, 1000), startDirectly(upload(600), allowance));
    }

    @Test
    void chunksAreBlobsWhileTheUploadLastsAndAChecksumMismatchLeavesNoneNorAnyRedisKey() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("paper-tracemonkey.pdf"));
        byte[] altered = file.clone();
        altered[altered.length - 1] ^= 1;
        int chunks = chunkCount(altered);
        String uploadId;
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            uploadId = start(client, "paper.pdf", file.length, sha256(file));
            for (int i = 0; i < chunks; i++) {
                chunk(client, uploadId, i, slice(altered, i));
            }
            assertArrayEquals(slice(altered, 1), read("uploads/" + uploadId + "/1"));
            long metadata = redisMemoryOfUploads();
            assertTrue(metadata < 4096, "Redis holds " + metadata + " bytes for an upload of " + file.length);

            JsonNode mismatch = error(client, endMessage(client, uploadId));
            assertEquals("INVALID_FIELD", mismatch.path("code").asText());
            assertTrue(mismatch.path("message").asText().contains("SHA-256"), mismatch.toString());
        }
        for (int i = 0; i < chunks; i++) {
            assertFalse(blobs.exists("uploads/" + uploadId + "/" + i), "chunk " + i + " is deleted");
        }
        assertTrue(redis.key().keys("slideo:upload:{" + user + "}:*").isEmpty(), "nothing left in Redis");
    }

    @Test
    void anUploadContinuesOnANewConnectionFromTheChunkTheMetadataNamesAndARepeatedChunkChangesNothing() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("guide-mozilla-automated-testing.pdf"));
        int chunks = chunkCount(file);
        String uploadId;
        try (LiveClient first = LiveClient.withQueryToken(vertx, base, token)) {
            uploadId = start(first, "guide.pdf", file);
            for (int i = 0; i < 3; i++) {
                chunk(first, uploadId, i, slice(file, i));
            }
            byte[] other = slice(file, 1);
            Arrays.fill(other, (byte) 'x');
            JsonNode repeated = error(first, chunkMessage(first, uploadId, 1, other));
            assertEquals("INVALID_FIELD", repeated.path("code").asText());
            assertTrue(repeated.path("message").asText().contains("continue from chunk 3"), repeated.toString());
            assertArrayEquals(slice(file, 1), read("uploads/" + uploadId + "/1"), "the counted chunk stays as it came");
        }
        try (LiveClient second = LiveClient.withSubprotocolToken(vertx, base, token)) {
            String status = second.send("file_upload", LiveClient.data().put("action", "status").put("upload_id", uploadId));
            second.expectAck(status, "file_upload");
            int next = second.next().path("data").path("next_chunk").asInt();
            assertEquals(3, next);
            for (int i = next; i < chunks; i++) {
                chunk(second, uploadId, i, slice(file, i));
            }
            String end = endMessage(second, uploadId);
            second.expectAck(end, "file_upload");
            assertEquals("uploaded", second.next().path("data").path("stage").asText());
            assertEquals(sha256(file), await().atMost(Duration.ofSeconds(20))
                    .until(() -> FakeUpstream.uploadedSha256(end).orElse(null), d -> d != null));
        }
        assertFalse(blobs.exists("uploads/" + uploadId + "/0"), "the chunks are deleted once stored");
    }

    @Test
    void anAbandonedUploadsChunksAreSweptOnceItsMetadataExpired() throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("license-apache-2.0.txt"));
        String uploadId;
        try (LiveClient client = LiveClient.withQueryToken(vertx, base, token)) {
            uploadId = start(client, "license.txt", file);
            chunk(client, uploadId, 0, Arrays.copyOf(file, file.length / 2));
        }
        assertTrue(blobs.exists("uploads/" + uploadId + "/0"));
        abandoned.sweep().await().atMost(Duration.ofSeconds(10));
        assertTrue(blobs.exists("uploads/" + uploadId + "/0"), "an upload in progress keeps its chunks");

        // As if the upload timeout had passed: the metadata expires, and its sweep is due.
        redis.key().pexpire("slideo:upload:{" + user + "}:" + uploadId, 1);
        redis.sortedSet(String.class).zadd("slideo:upload:expiring", 1, uploadId + ":" + user);
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.key().exists("slideo:upload:{" + user + "}:" + uploadId));
        abandoned.sweep().await().atMost(Duration.ofSeconds(10));
        assertFalse(blobs.exists("uploads/" + uploadId + "/0"), "the abandoned chunk is deleted");
        assertFalse(redis.sortedSet(String.class).zscore("slideo:upload:expiring", uploadId + ":" + user).isPresent());
    }

    private Admission startDirectly(Upload upload, Allowance allowance) {
        return uploads.start(user, upload, allowance).await().atMost(Duration.ofSeconds(10));
    }

    private static Upload upload(long size) {
        return new Upload(UUID.randomUUID().toString(), "file.bin", size, "0".repeat(64), 0, 0);
    }

    /** What the user's upload keys take in Redis, by MEMORY USAGE. */
    private long redisMemoryOfUploads() {
        return redis.key().keys("slideo:upload:{" + user + "}:*").stream()
                .mapToLong(key -> redis.execute("MEMORY", "USAGE", key).toLong()).sum();
    }

    private byte[] read(String key) throws Exception {
        try (InputStream in = blobs.open(key)) {
            return in.readAllBytes();
        }
    }

    private static int chunkCount(byte[] file) {
        return (file.length + CHUNK - 1) / CHUNK;
    }

    private static byte[] slice(byte[] file, int index) {
        return Arrays.copyOfRange(file, index * CHUNK, Math.min(file.length, (index + 1) * CHUNK));
    }
}
