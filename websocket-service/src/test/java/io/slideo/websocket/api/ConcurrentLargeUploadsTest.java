package io.slideo.websocket.api;

import static io.slideo.websocket.api.UploadSteps.chunkMessage;
import static io.slideo.websocket.api.UploadSteps.endMessage;
import static io.slideo.websocket.api.UploadSteps.start;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;

/**
 * The operator's case: three uploads of 100 MiB (the largest file) by one user, sent at once over three
 * sockets to one instance in chunks of the protocol's largest size, interleaved, all ended together.
 * All three must arrive whole at document-service (the fake digests what it receives), while this JVM's
 * heap (the instance and the test share it) and Redis's memory stay flat: no file is ever whole in
 * memory, and Redis holds only the counters. Chunks stored in Redis and files assembled in the heap, as
 * before, needed over 300 MB of each.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class ConcurrentLargeUploadsTest {
    private static final long MIB = 1024 * 1024;
    private static final int UPLOADS = 3;
    private static final long SIZE = 100 * MIB;
    /** The protocol's largest chunk (slideo.websocket.max-chunk-bytes). */
    private static final int CHUNK = 512 * 1024;
    private static final int CHUNKS = (int) (SIZE / CHUNK);
    /** The live heap may grow by this much at most: a third of one file, where the old way kept three whole. */
    private static final long HEAP_GROWTH_LIMIT = 100 * MIB;
    private static final long REDIS_GROWTH_LIMIT = 8 * MIB;

    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    RedisDataSource redis;

    private final String user = TestTokens.newUser();
    private final String token = TestTokens.valid(user);

    @Test
    void threeUploadsOf100MiBAtOnceAllArriveWhileTheHeapAndRedisStayFlat() throws Exception {
        List<String> checksums = new ArrayList<>();
        for (int upload = 0; upload < UPLOADS; upload++) {
            checksums.add(sha256OfFile(upload));
        }
        List<LiveClient> clients = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        MemoryWatch watch;
        try {
            for (int upload = 0; upload < UPLOADS; upload++) {
                clients.add(LiveClient.withQueryToken(vertx, base, token));
            }
            watch = MemoryWatch.start(redis);
            List<String> uploadIds = new ArrayList<>();
            for (int upload = 0; upload < UPLOADS; upload++) {
                uploadIds.add(start(clients.get(upload), "large-" + upload + ".bin", SIZE, checksums.get(upload)));
            }
            for (int index = 0; index < CHUNKS; index++) {
                sendInterleaved(clients, uploadIds, index);
            }
            for (int upload = 0; upload < UPLOADS; upload++) {
                ends.add(endMessage(clients.get(upload), uploadIds.get(upload)));
            }
            for (int upload = 0; upload < UPLOADS; upload++) {
                LiveClient client = clients.get(upload);
                client.expectAck(ends.get(upload), "file_upload");
                JsonNode stored = await().atMost(Duration.ofMinutes(3)).until(client::poll, Objects::nonNull);
                assertEquals("uploaded", stored.path("data").path("stage").asText(), stored.toString());
            }
            watch.stop();
        } finally {
            clients.forEach(LiveClient::close);
        }
        for (int upload = 0; upload < UPLOADS; upload++) {
            assertEquals(checksums.get(upload), FakeUpstream.uploadedSha256(ends.get(upload)).orElse(null));
            assertEquals(SIZE, FakeUpstream.uploadedSize(ends.get(upload)).orElse(0L));
        }
        String report = watch.report();
        Log.infof("Three concurrent 100 MiB uploads: %s", report);
        System.err.println("UPLOAD MEMORY: " + report);
        assertTrue(watch.heapGrowthAfterCollection() < HEAP_GROWTH_LIMIT, report);
        assertTrue(watch.redisGrowth() < REDIS_GROWTH_LIMIT, report);
    }

    /** Chunk {@code index} of every upload goes out before any answer is awaited. */
    private static void sendInterleaved(List<LiveClient> clients, List<String> uploadIds, int index) throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int upload = 0; upload < clients.size(); upload++) {
            chunks.add(chunkOf(upload, index));
            ids.add(chunkMessage(clients.get(upload), uploadIds.get(upload), index, chunks.get(upload)));
        }
        for (int upload = 0; upload < clients.size(); upload++) {
            LiveClient client = clients.get(upload);
            String id = ids.get(upload);
            JsonNode answer = client.next();
            // Over the connection's message rate: the server says how long to wait, and the chunk goes again.
            while ("RATE_LIMITED".equals(answer.path("data").path("code").asText())) {
                Thread.sleep(waitAsked(answer.path("data").path("message").asText()));
                id = chunkMessage(client, uploadIds.get(upload), index, chunks.get(upload));
                answer = client.next();
            }
            assertEquals("ack", answer.path("type").asText(), answer.toString());
            assertEquals(id, answer.path("request_id").asText(), answer.toString());
            JsonNode progress = client.next();
            assertEquals(index + 1, progress.path("data").path("next_chunk").asInt(), progress.toString());
        }
    }

    /** The wait a RATE_LIMITED message names ("... again in 120 ms"), or a short one if it names none. */
    private static long waitAsked(String message) {
        Matcher wait = Pattern.compile("(\\d+) ms").matcher(message);
        return wait.find() ? Math.max(20, Long.parseLong(wait.group(1))) : 200;
    }

    /** Chunk {@code index} of generated file {@code upload}: random bytes, the same every time. */
    private static byte[] chunkOf(int upload, int index) {
        byte[] chunk = new byte[CHUNK];
        new SplittableRandom(upload * 1_000_003L + index).nextBytes(chunk);
        return chunk;
    }

    private static String sha256OfFile(int upload) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int index = 0; index < CHUNKS; index++) {
            digest.update(chunkOf(upload, index));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
