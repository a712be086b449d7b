package io.slideo.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelayBackoffTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void restsLongerAfterEachFailedPassUpToTheLongestWait() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(250), Duration.ofSeconds(30));

        assertEquals(Duration.ofMillis(250), backoff.failed(0));
        assertEquals(Duration.ofMillis(500), backoff.failed(0));
        assertEquals(Duration.ofSeconds(1), backoff.failed(0));
        for (int i = 0; i < 40; i++) {
            backoff.failed(0);
        }
        assertEquals(Duration.ofSeconds(30), backoff.failed(0));
    }

    @Test
    void restsUntilTheWaitHasPassedThenResumes() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertFalse(backoff.resting(0));

        backoff.failed(10 * SECOND);

        assertTrue(backoff.resting(10 * SECOND + SECOND / 2));
        assertFalse(backoff.resting(11 * SECOND));
    }

    @Test
    void aSuccessfulPassStartsTheWaitsOver() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(250), Duration.ofSeconds(30));
        backoff.failed(0);
        backoff.failed(0);

        backoff.succeeded();

        assertFalse(backoff.resting(1));
        assertEquals(Duration.ofMillis(250), backoff.failed(0));
    }
}
