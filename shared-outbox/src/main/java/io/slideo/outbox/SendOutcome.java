package io.slideo.outbox;

/** What became of one outbox row in a relay pass; {@code reason} is null when it was sent. */
record SendOutcome(OutboxEvent event, Kind kind, String reason) {

    enum Kind {
        SENT, REFUSED, UNSENT
    }

    static SendOutcome sent(OutboxEvent event) {
        return new SendOutcome(event, Kind.SENT, null);
    }

    /** The broker will never take it. */
    static SendOutcome refused(OutboxEvent event, String reason) {
        return new SendOutcome(event, Kind.REFUSED, reason);
    }

    /** Not sent this time (broker unreachable, timed out); a later pass tries again. */
    static SendOutcome unsent(OutboxEvent event, String reason) {
        return new SendOutcome(event, Kind.UNSENT, reason);
    }
}
