package io.slideo.system;

import static io.slideo.system.LiveSocket.replyTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Two websocket-service instances behind the gateway (./slideo up with SLIDEO_WS_INSTANCES=2). A
 * client on instance A follows a 12-slide deck; A is killed with kill -9 mid-deck; the client
 * reconnects through the gateway, lands on B, sends resume with the last seq it saw, and receives
 * every notification it missed, in order, exactly once, then the rest of the deck live.
 * With a single instance the killed one is started again in its place and plays B.
 */
class LiveResumeIT {
    private static final int SLIDES = 12;
    // Offline slides take milliseconds; paced, an instance can be killed mid-deck.
    private static final Map<String, String> PACED = Map.of("SLIDEO_WORKER_WRITING_PACE", "800ms",
            "SLIDEO_WORKER_WRITING_PARALLELISM", "1");

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void aClientWhoseInstanceIsKilledResumesOnAnotherAndMissesNothingAndGetsNothingTwice() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        ProcessHandle suiteWorker = WorkerProcess.suiteWorker();
        LiveInstances.Instance killed = null;
        boolean restarted = false;
        boolean workerSwapped = false;
        List<JsonObject> beforeTheCrash;
        String generation;
        try {
            LiveSocket first = LiveSocket.open(token);
            String instanceA = first.instance();
            assertNotNull(instanceA, "the upgrade names its instance");
            killed = LiveInstances.named(instanceA);
            try {
                String documentId = Suite.upload(token, "paper-tracemonkey.pdf").statusCode(201).extract().path("id");
                first.awaitOne(m -> "file_processed".equals(m.getString("type"))
                        && documentId.equals(m.getJsonObject("data").getString("document_id")), Suite.EXTRACTION_TIMEOUT);
                String planning = first.send("content_planning", new JsonObject()
                        .put("document_ids", new JsonArray().add(documentId)).put("slide_count", SLIDES));
                String deckId = first.awaitOne(replyTo("plan_response", planning), Duration.ofSeconds(60))
                        .getJsonObject("data").getString("deck_id");

                // Only a paced worker may take the run: the suite's own worker steps aside for the test.
                if (suiteWorker != null) {
                    suiteWorker.destroy();
                    suiteWorker.onExit().get();
                    workerSwapped = true;
                }
                try (WorkerProcess paced = WorkerProcess.start(8095, PACED)) {
                    generation = first.send("slide_generation", new JsonObject().put("deck_id", deckId));
                    first.await(replyTo("slide_complete", generation), 3, Duration.ofSeconds(90));
                    killed.kill();
                    beforeTheCrash = first.snapshot();
                    int seen = first.await(replyTo("slide_complete", generation), 0, Duration.ZERO).size();
                    assertTrue(seen >= 3 && seen < SLIDES, "killed mid-deck after " + seen + " slides");

                    // The deck goes on while the client is away.
                    Thread.sleep(2000);
                    List<LiveInstances.Instance> others = LiveInstances.running();
                    if (others.isEmpty()) {
                        killed.restart();
                        restarted = true;
                    }
                    long lastSeq = beforeTheCrash.stream().filter(m -> m.getLong("seq") != null)
                            .mapToLong(m -> m.getLong("seq")).max().orElseThrow();

                    try (LiveSocket second = LiveSocket.open(token)) {
                        if (!restarted) {
                            assertNotEquals(instanceA, second.instance(), "reconnected to another instance");
                        }
                        String resume = second.send("resume", new JsonObject().put("last_seq", lastSeq));
                        second.awaitOne(replyTo("ack", resume), Duration.ofSeconds(15));
                        second.awaitOne(replyTo("deck_complete", generation), Duration.ofSeconds(120));
                        Thread.sleep(2000); // any duplicate would arrive right behind

                        List<JsonObject> after = second.snapshot().stream().filter(m -> m.getLong("seq") != null)
                                .toList();
                        List<Long> seqs = after.stream().map(m -> m.getLong("seq")).toList();
                        assertEquals(lastSeq + 1, seqs.get(0), "replay starts right after the last seen: " + seqs);
                        for (int i = 1; i < seqs.size(); i++) {
                            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "in order, none missing or twice: " + seqs);
                        }

                        List<JsonObject> completes = new ArrayList<>();
                        completes.addAll(beforeTheCrash.stream().filter(replyTo("slide_complete", generation)).toList());
                        completes.addAll(after.stream().filter(replyTo("slide_complete", generation)).toList());
                        Map<Integer, Long> perSlide = completes.stream().collect(Collectors.groupingBy(
                                m -> m.getJsonObject("data").getInteger("slide_index"), Collectors.counting()));
                        assertEquals(SLIDES, perSlide.size(), "every slide: " + perSlide);
                        assertTrue(perSlide.values().stream().allMatch(n -> n == 1), "each slide once: " + perSlide);
                        assertEquals(1, after.stream().filter(replyTo("deck_complete", generation)).count());
                    }
                }
            } finally {
                first.close();
            }
        } finally {
            if (killed != null && !restarted && killed.process().isEmpty()) {
                killed.restart();
            }
            if (workerSwapped) {
                restoreSuiteWorker();
            }
        }
    }

    /** The suite keeps a worker of its own afterwards (./slideo's pid file points at it). */
    private static void restoreSuiteWorker() throws Exception {
        WorkerProcess replacement = WorkerProcess.start(8085, Map.of());
        java.nio.file.Files.writeString(io.slideo.testing.RepositoryPaths.root().resolve(".slideo/pids/worker-service.pid"),
                Long.toString(replacement.pid()));
    }
}
