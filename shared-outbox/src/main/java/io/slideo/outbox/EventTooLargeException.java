package io.slideo.outbox;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/** An event the broker would refuse for its size, refused before it is stored: the change is too large. */
public class EventTooLargeException extends SlideoException {

    public EventTooLargeException(String topic, String aggregateId, long bytes, long limit) {
        super(ErrorCode.TOO_LARGE, "This change is too large to send: its " + topic + " event for " + aggregateId
                + " would be " + kib(bytes) + " KiB, and events are limited to " + kib(limit) + " KiB; make it smaller");
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
