package io.slideo.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.error.UpstreamUnavailable;

class UpstreamFailuresTest {
    private final UpstreamFailures.Retryable retryable = new UpstreamFailures.Retryable();

    @Test
    void aFailureOnTheOtherSideOrOnTheWayIsRetried() {
        assertTrue(retryable.test(new UpstreamUnavailable(ErrorCode.UNAVAILABLE, "content-service is restarting")));
        assertTrue(retryable.test(new ProcessingException(new ConnectException("Connection refused"))));
    }

    @Test
    void aRefusalOfTheRequestOrABugIsNot() {
        assertFalse(retryable.test(new SlideoException(ErrorCode.NOT_FOUND, "Theme x does not exist")));
        assertFalse(retryable.test(new SlideoException(ErrorCode.UNAVAILABLE, "answered by a refusal",
                new ConnectException("a cause the other side reported"))));
        assertFalse(retryable.test(new IllegalStateException("a bug")));
    }

    @Test
    void anUnreachableServiceIsUnavailableAndSaysWhich() {
        SlideoException failure = UpstreamFailures.translate("document-service",
                new ProcessingException(new ConnectException("Connection refused")));

        assertInstanceOf(UpstreamUnavailable.class, failure);
        assertEquals(ErrorCode.UNAVAILABLE, failure.code());
        assertEquals("document-service is not reachable right now; try again shortly", failure.getMessage());
    }
}
