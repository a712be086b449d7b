package io.slideo.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;

/**
 * One user's fifty uploads do not stand in front of another user's one: the second user's document
 * is read after at most the parse already under way for the first (document-service hands each user
 * one document at a time to the workers). Before, all fifty went to Kafka at once and the second
 * user's document waited behind them.
 */
class FairExtractionIT {
    private static final int PILE = 50;
    private static final String FILE = "paper-tracemonkey.pdf";

    @BeforeAll
    static void signAsTheSuite() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void anotherUsersDocumentIsReadWithinOneParseWhileAUserHasFiftyWaiting() {
        String piler = TestTokens.valid(TestTokens.newUser());
        String other = TestTokens.valid(TestTokens.newUser());
        List<String> pile = new ArrayList<>();
        try {
            for (int i = 0; i < PILE; i++) {
                pile.add(Suite.upload(piler, FILE).statusCode(201).extract().path("id"));
            }
            long started = System.nanoTime();
            String theirs = Suite.upload(other, FILE).statusCode(201).extract().path("id");
            // Their document was handed to the workers before the upload answered; whatever of the pile
            // is not read by now was handed over after it, except the one document of the pile under way.
            long readBefore = extracted(piler);
            await().atMost(Suite.EXTRACTION_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> !"uploaded".equals(
                    Suite.as(other).get("/api/v1/documents/" + theirs).then().extract().path("status")));
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            long readMeanwhile = extracted(piler) - readBefore;
            System.out.printf("The other user's document was read in %d s; meanwhile %d of the first user's %d were read"
                    + " (%d when its upload was answered)%n", seconds, readMeanwhile, PILE, readBefore);
            assertTrue(readMeanwhile <= 1, "the other user's document waited for " + readMeanwhile + " parses of the pile");
        } finally {
            pile.forEach(id -> Suite.as(piler).delete("/api/v1/documents/" + id));
        }
    }

    /** How many of the user's documents are read (extracted or failed). */
    private static long extracted(String token) {
        List<Map<String, Object>> documents = Suite.as(token).get("/api/v1/documents").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return documents.stream().filter(d -> !"uploaded".equals(d.get("status"))).count();
    }
}
