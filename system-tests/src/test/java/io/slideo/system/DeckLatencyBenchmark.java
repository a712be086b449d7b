package io.slideo.system;

import static io.slideo.system.LiveSocket.fileProcessed;
import static io.slideo.system.LiveSocket.replyTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Upload-to-deck_complete time of a deck, through the gateway of a running suite, as a user sees it:
 * upload over REST, then (on the WebSocket) wait for file_processed, ask for the plan, wait for
 * plan_response, ask for the slides, wait for deck_complete. Prints each run and the median, per
 * stage. Not a test: run by bench/deck-latency.sh. Arguments: corpus file, slide count, runs.
 */
public final class DeckLatencyBenchmark {
    private DeckLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : "book-free-culture-lessig.pdf";
        int slides = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        TestTokens.useSuiteSecret();
        List<long[]> timings = new ArrayList<>();
        System.out.printf("run\textracted_ms\tplanned_ms\tdeck_complete_ms%n");
        for (int run = 0; run <= runs; run++) {
            long[] t = once(file, slides);
            if (run == 0) {
                System.out.printf("warm-up\t%d\t%d\t%d%n", t[0], t[1], t[2]);
                continue;
            }
            timings.add(t);
            System.out.printf("%d\t%d\t%d\t%d%n", run, t[0], t[1], t[2]);
        }
        System.out.printf("p50\t%d\t%d\t%d%n", median(timings, 0), median(timings, 1), median(timings, 2));
        System.exit(0);
    }

    /** Milliseconds from the upload's start to: file_processed, plan_response, deck_complete. */
    private static long[] once(String file, int slides) throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        try (LiveSocket live = LiveSocket.open(token)) {
            long start = System.nanoTime();
            String documentId = Suite.upload(token, file).statusCode(201).extract().path("id");
            live.awaitOne(fileProcessed(documentId), Duration.ofMinutes(3));
            long extracted = System.nanoTime();
            String planning = live.send("content_planning", new JsonObject()
                    .put("document_ids", new JsonArray().add(documentId)).put("slide_count", slides));
            String deckId = live.awaitOne(replyTo("plan_response", planning), Duration.ofMinutes(1))
                    .getJsonObject("data").getString("deck_id");
            long planned = System.nanoTime();
            String generation = live.send("slide_generation", new JsonObject().put("deck_id", deckId));
            live.awaitOne(replyTo("deck_complete", generation), Duration.ofMinutes(2));
            long done = System.nanoTime();
            return new long[] { (extracted - start) / 1_000_000, (planned - start) / 1_000_000, (done - start) / 1_000_000 };
        }
    }

    private static long median(List<long[]> timings, int column) {
        List<Long> values = timings.stream().map(t -> t[column]).sorted().toList();
        return values.get(values.size() / 2);
    }
}
