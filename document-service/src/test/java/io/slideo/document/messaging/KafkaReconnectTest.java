package io.slideo.document.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * After a Kafka outage a service's consumers and producers try the broker again at least once a second,
 * so the service is ready about a second after Kafka returns (the connector's own default waited up to
 * 10 s between tries).
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class KafkaReconnectTest {
    private static final String ONE_SECOND = "1000";

    @Inject
    KafkaClientService clients;

    @Test
    void everyKafkaClientTriesTheBrokerAgainAtLeastOnceASecond() {
        for (String channel : List.of("document-extracted", "document-failed")) {
            assertEquals(ONE_SECOND, reconnectCap(clients.getConsumer(channel).configuration()), channel + " consumer");
        }
        assertEquals(ONE_SECOND, reconnectCap(clients.getProducer("slideo-outbox").configuration()), "the outbox's producer");
    }

    private static String reconnectCap(Map<String, ?> configuration) {
        return String.valueOf(configuration.get("reconnect.backoff.max.ms"));
    }
}
