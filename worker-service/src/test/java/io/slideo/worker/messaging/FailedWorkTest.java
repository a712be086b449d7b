package io.slideo.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;

class FailedWorkTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventEnvelope event = EventEnvelope.of(Topic.PLAN_REQUESTED, "plan-1", "user-1",
            new PlanRequested("plan-1", "req-1", "Anything", 5, List.of("d"), "classic", false));
    private final List<ErrorCode> told = new ArrayList<>();

    @Test
    void anOutageThatPassesIsRiddenThroughAndNobodyIsTold() {
        FailedWork work = new FailedWork(Duration.ofSeconds(10), registry);
        AtomicInteger attempts = new AtomicInteger();
        work.run("plan-requested", event, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("checkpoint", new SQLException("the database system is starting up", "57P03"));
            }
        }, (e, code, message) -> told.add(code));
        assertEquals(3, attempts.get());
        assertTrue(told.isEmpty());
    }

    @Test
    void aFaultIsToldAtOnceAndRethrownForTheDeadLetterTopic() {
        FailedWork work = new FailedWork(Duration.ofSeconds(10), registry);
        AtomicInteger attempts = new AtomicInteger();
        NullPointerException bug = new NullPointerException("title");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> work.run("plan-requested", event, () -> {
            attempts.incrementAndGet();
            throw bug;
        }, (e, code, message) -> told.add(code)));
        assertSame(bug, thrown);
        assertEquals(1, attempts.get(), "a fault is not retried");
        assertEquals(List.of(ErrorCode.INTERNAL), told);
        assertEquals(1.0, registry.counter("slideo.worker.failed.work", "consumer", "plan-requested", "reason", "fault").count());
    }

    @Test
    void anOutageLongerThanThePatienceIsToldAsUnavailable() {
        FailedWork work = new FailedWork(Duration.ofMillis(600), registry);
        assertThrows(RuntimeException.class, () -> work.run("plan-requested", event, () -> {
            throw new IllegalStateException(new ConnectException("Connection refused"));
        }, (e, code, message) -> told.add(code)));
        assertEquals(List.of(ErrorCode.UNAVAILABLE), told);
    }

    @Test
    void tellsWhatIsTransient() {
        assertTrue(FailedWork.isTransient(new RuntimeException(new SQLException("gone", "08006"))));
        assertFalse(FailedWork.isTransient(new RuntimeException(new SQLException("syntax", "42601"))));
        assertFalse(FailedWork.isTransient(new IllegalArgumentException("bad payload")));
    }
}
