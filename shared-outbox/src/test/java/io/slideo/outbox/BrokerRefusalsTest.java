package io.slideo.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class BrokerRefusalsTest {

    @Test
    void aRecordTooLargeIsRefusedForGoodWithTheBrokersReason() {
        Throwable nack = new CompletionException(new RecordTooLargeException(
                "The message is 1216044 bytes when serialized which is larger than 1048576"));

        assertTrue(BrokerRefusals.isPermanent(nack));
        assertEquals("RecordTooLargeException: The message is 1216044 bytes when serialized which is larger than 1048576",
                BrokerRefusals.reason(nack));
    }

    @Test
    void aRecordThatCannotBeSerializedIsRefusedForGood() {
        assertTrue(BrokerRefusals.isPermanent(new SerializationException("not a string")));
    }

    @Test
    void anUnreachableOrSlowBrokerIsWorthAnotherPass() {
        assertFalse(BrokerRefusals.isPermanent(new TimeoutException("Topic not present in metadata after 60000 ms.")));
        assertFalse(BrokerRefusals.isPermanent(new CompletionException(new NetworkException("Disconnected"))));
        assertFalse(BrokerRefusals.isPermanent(new IllegalStateException("Emitter buffer overflow")));
    }
}
