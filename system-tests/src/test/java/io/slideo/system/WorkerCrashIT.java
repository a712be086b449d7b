package io.slideo.system;

import static io.slideo.system.LiveSocket.replyTo;
import static io.slideo.system.PacedDeck.SLIDES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;

/**
 * A worker dies (kill -9) in the middle of a 12-slide deck; another worker takes the run over from its
 * checkpoint. The deck ends with exactly 12 slides, none written twice, and the user saw every
 * slide_complete once.
 */
class WorkerCrashIT {

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void aDeckWhoseWorkerIsKilledIsFinishedByAnotherWithEverySlideOnce() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        try (LiveSocket live = LiveSocket.open(token); PacedDeck deck = PacedDeck.start(token, live)) {
            deck.worker().kill();
            deck.assertKilledMidDeck();

            try (WorkerProcess second = WorkerProcess.start(Services.spareWorkerPort(2), Map.of())) {
                live.awaitOne(replyTo("deck_complete", deck.generation()), Duration.ofSeconds(120));
                Thread.sleep(2000); // any duplicate would arrive right behind
                PacedDeck.assertEverySlideOnce(live.await(replyTo("slide_complete", deck.generation()), SLIDES,
                        Duration.ZERO));
            }

            List<Map<String, Object>> slides = Suite.graphql(token, "{ deck(id: \"" + deck.deckId() + "\") { slides {"
                    + " index versions { version } } } }").statusCode(200).extract().jsonPath().getList("data.deck.slides");
            assertEquals(SLIDES, slides.size());
            assertTrue(slides.stream().allMatch(s -> ((List<?>) s.get("versions")).size() == 1),
                    "no slide written twice: " + slides);
            assertEquals(SLIDES, slides.stream().map(s -> s.get("index")).collect(Collectors.toSet()).size());
        }
    }
}
