package io.slideo.system;

import static io.slideo.system.LiveSocket.replyTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;

/**
 * A deck of {@link #SLIDES} slides, watched on a live socket, that a paced worker is writing and has
 * written the first slides of: the moment a crash test kills a process mid-deck. The suite's own worker
 * steps aside so that only the paced one takes the run; closing puts a suite worker back.
 */
final class PacedDeck implements AutoCloseable {
    static final int SLIDES = 12;
    private static final int SEEN_BEFORE_THE_KILL = 3;
    private static final int PACED_WORKER_PORT = Services.spareWorkerPort(1);
    // Offline slides take milliseconds; paced, a process can be killed mid-deck.
    private static final Map<String, String> PACED = Map.of("SLIDEO_WORKER_WRITING_PACE", "800ms",
            "SLIDEO_WORKER_WRITING_PARALLELISM", "1");

    private final LiveSocket live;
    private final String deckId;
    private boolean suiteWorkerStepsAside;
    private WorkerProcess worker;
    private String generation;

    private PacedDeck(LiveSocket live, String deckId) {
        this.live = live;
        this.deckId = deckId;
    }

    /** Plans a deck of paper-tracemonkey.pdf for the token's user and returns once its first slides arrived. */
    static PacedDeck start(String token, LiveSocket live) throws Exception {
        PacedDeck deck = new PacedDeck(live, Suite.deckFrom(token, live, "paper-tracemonkey.pdf", SLIDES).deckId());
        try {
            ProcessHandle suiteWorker = WorkerProcess.suiteWorker();
            if (suiteWorker != null) {
                deck.suiteWorkerStepsAside = true;
                suiteWorker.destroy();
                suiteWorker.onExit().get();
            }
            deck.worker = WorkerProcess.start(PACED_WORKER_PORT, PACED);
            deck.generation = live.send("slide_generation", new JsonObject().put("deck_id", deck.deckId));
            live.await(replyTo("slide_complete", deck.generation), SEEN_BEFORE_THE_KILL, Duration.ofSeconds(90));
            return deck;
        } catch (Throwable e) {
            try {
                deck.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    String deckId() {
        return deckId;
    }

    /** The id of the slide_generation message, which every slide_complete and deck_complete carries. */
    String generation() {
        return generation;
    }

    /** The paced worker writing the deck. */
    WorkerProcess worker() {
        return worker;
    }

    /** After a kill: the client had seen some of the slides, not all. */
    void assertKilledMidDeck() throws InterruptedException {
        int seen = live.await(replyTo("slide_complete", generation), 0, Duration.ZERO).size();
        assertTrue(seen >= SEEN_BEFORE_THE_KILL && seen < SLIDES, "killed mid-deck after " + seen + " slides");
    }

    /** Every slide of the deck has exactly one of these slide_complete messages. */
    static void assertEverySlideOnce(List<JsonObject> completes) {
        Map<Integer, Long> perSlide = completes.stream().collect(Collectors.groupingBy(
                m -> m.getJsonObject("data").getInteger("slide_index"), Collectors.counting()));
        assertEquals(SLIDES, perSlide.size(), "every slide: " + perSlide);
        assertTrue(perSlide.values().stream().allMatch(n -> n == 1), "each slide_complete once: " + perSlide);
    }

    /** Stops the paced worker; the suite keeps a worker of its own afterwards (./slideo's pid file points at it). */
    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (suiteWorkerStepsAside) {
            WorkerProcess replacement = WorkerProcess.start(Services.port("worker-service"), Map.of());
            Files.writeString(Services.HOME.resolve("pids/worker-service.pid"),
                    Long.toString(replacement.pid()));
        }
    }
}
