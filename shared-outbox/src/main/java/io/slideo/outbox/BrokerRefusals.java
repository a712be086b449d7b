package io.slideo.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import io.slideo.model.error.Outages;

/**
 * Tells a send that can never succeed (the record itself is refused) from one that failed because
 * the broker could not be reached in time, which a later pass retries.
 */
final class BrokerRefusals {

    private BrokerRefusals() {
    }

    static boolean isPermanent(Throwable failure) {
        return Outages.causes(failure).stream().anyMatch(cause -> cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException || cause instanceof SerializationException
                || cause instanceof InvalidTopicException || cause instanceof InvalidRecordException);
    }

    /** The refusal as stored and logged: the innermost Kafka exception's name and message. */
    static String reason(Throwable failure) {
        Throwable refusal = Outages.causes(failure).stream()
                .filter(cause -> cause.getClass().getName().startsWith("org.apache.kafka."))
                .reduce((outer, inner) -> inner)
                .orElse(failure);
        return refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
    }
}
