package io.slideo.system;

import static io.slideo.system.LiveConnection.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A worker dies (kill -9) in the middle of a 12-slide deck; another worker takes the run over from its
 * checkpoint. The deck ends with exactly 12 slides, none written twice, and the user saw every
 * slide_complete once.
 */
class WorkerCrashIT {
    private static final int SLIDES = 12;
    // Offline slides take milliseconds; paced, a worker can be killed mid-deck.
    private static final Map<String, String> PACED = Map.of("SLIDEO_WORKER_WRITING_PACE", "800ms",
            "SLIDEO_WORKER_WRITING_PARALLELISM", "1");

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void aDeckWhoseWorkerIsKilledIsFinishedByAnotherWithEverySlideOnce() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        ProcessHandle suiteWorker = WorkerProcess.suiteWorker();
        try (LiveConnection live = LiveConnection.open(token)) {
            String documentId = Suite.upload(token, "paper-tracemonkey.pdf").statusCode(201).extract().path("id");
            live.awaitOne(m -> "file_processed".equals(m.getString("type"))
                    && documentId.equals(m.getJsonObject("data").getString("document_id")), Suite.EXTRACTION_TIMEOUT);
            String planning = live.send("content_planning", new JsonObject()
                    .put("document_ids", new JsonArray().add(documentId)).put("slide_count", SLIDES));
            String deckId = live.awaitOne(reply("plan_response", planning), Duration.ofSeconds(60))
                    .getJsonObject("data").getString("deck_id");

            // Only a paced worker may take the run: the suite's own worker steps aside for the test.
            if (suiteWorker != null) {
                suiteWorker.destroy();
                suiteWorker.onExit().get();
            }
            WorkerProcess first = WorkerProcess.start(8095, PACED);
            String generation = live.send("slide_generation", new JsonObject().put("deck_id", deckId));
            live.await(reply("slide_complete", generation), 3, Duration.ofSeconds(60));
            first.kill();
            int seenBeforeTheCrash = live.await(reply("slide_complete", generation), 0, Duration.ZERO).size();
            assertTrue(seenBeforeTheCrash >= 3 && seenBeforeTheCrash < SLIDES,
                    "killed mid-deck after " + seenBeforeTheCrash + " slides");

            try (WorkerProcess second = WorkerProcess.start(8096, Map.of())) {
                live.awaitOne(reply("deck_complete", generation), Duration.ofSeconds(120));
                Thread.sleep(2000); // any duplicate would arrive right behind
                List<JsonObject> completes = live.await(reply("slide_complete", generation), SLIDES, Duration.ZERO);
                Map<Integer, Long> perSlide = completes.stream().collect(Collectors.groupingBy(
                        m -> m.getJsonObject("data").getInteger("slide_index"), Collectors.counting()));
                assertEquals(SLIDES, perSlide.size(), "every slide: " + perSlide);
                assertTrue(perSlide.values().stream().allMatch(n -> n == 1), "each slide_complete once: " + perSlide);
            }

            List<Map<String, Object>> slides = Suite.graphql(token, "{ deck(id: \"" + deckId + "\") { slides { index"
                    + " versions { version } } } }").statusCode(200).extract().jsonPath().getList("data.deck.slides");
            assertEquals(SLIDES, slides.size());
            assertTrue(slides.stream().allMatch(s -> ((List<?>) s.get("versions")).size() == 1),
                    "no slide written twice: " + slides);
            assertEquals(SLIDES, slides.stream().map(s -> s.get("index")).collect(Collectors.toSet()).size());
        } finally {
            restoreSuiteWorker(suiteWorker);
        }
    }

    /** The suite keeps a worker of its own afterwards (./slideo's pid file points at it). */
    private static void restoreSuiteWorker(ProcessHandle original) throws Exception {
        if (original == null) {
            return;
        }
        WorkerProcess replacement = WorkerProcess.start(8085, Map.of());
        java.nio.file.Files.writeString(io.slideo.testing.RepositoryPaths.root().resolve(".slideo/pids/worker-service.pid"),
                Long.toString(replacement.pid()));
    }

}
