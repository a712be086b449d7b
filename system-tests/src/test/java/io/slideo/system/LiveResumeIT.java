package io.slideo.system;

import static io.slideo.system.LiveSocket.replyTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonObject;

/**
 * Two websocket-service instances behind the gateway (./slideo up with SLIDEO_WS_INSTANCES=2). A
 * client on instance A follows a 12-slide deck; A is killed with kill -9 mid-deck; the client
 * reconnects through the gateway, lands on B, sends resume with the last seq it saw, and receives
 * every notification it missed, in order, exactly once, then the rest of the deck live.
 * With a single instance the killed one is started again in its place and plays B.
 */
class LiveResumeIT {

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void aClientWhoseInstanceIsKilledResumesOnAnotherAndMissesNothingAndGetsNothingTwice() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        LiveInstances.Instance killed = null;
        boolean restarted = false;
        try (LiveSocket first = LiveSocket.open(token)) {
            String instanceA = first.instance();
            assertNotNull(instanceA, "the upgrade names its instance");
            killed = LiveInstances.named(instanceA);
            try (PacedDeck deck = PacedDeck.start(token, first)) {
                String generation = deck.generation();
                killed.kill();
                List<JsonObject> beforeTheCrash = first.snapshot();
                deck.assertKilledMidDeck();

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
                    PacedDeck.assertEverySlideOnce(completes);
                    assertEquals(1, after.stream().filter(replyTo("deck_complete", generation)).count());
                }
            }
        } finally {
            if (killed != null && !restarted && killed.process().isEmpty()) {
                killed.restart();
            }
        }
    }
}
