package io.slideo.runtime.notification;

/**
 * One notification of one user as the journal keeps it: its number in that user's sequence, the
 * event it came from (also the message id, so a replayed message is the very message sent live),
 * and what the client sees. {@code data} is JSON text, written to clients as it is.
 */
public record JournalEntry(long seq, String eventId, String type, String requestId, long occurredAtMillis,
        String data) {
}
