package io.slideo.slide.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.testing.KafkaTestClient;

/**
 * websocket-service's part in these tests: it journals every notification on notification.v1 (those
 * this service publishes through its outbox, those a test sends), as websocket-service's journal
 * group does, with the same writer ({@link NotificationJournal}, the shared format and script) and
 * the same conversion ({@link NotificationJournal.Event#of}), a poll's records in one pipeline. It
 * writes under this test run's own key prefix (application.properties, %test), so it touches no
 * journal of a running suite. What it leaves out is websocket-service's delivery to sockets and its
 * dead-letter topic, which the event streams do not read.
 */
@ApplicationScoped
class NotificationJournaler {
    /** Record timestamps are the producers' clocks, on this machine; a second's margin is plenty. */

    private final NotificationJournal journal;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;

    NotificationJournaler(NotificationJournal journal,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.journal = journal;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "slide-test-journal-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        running = true;
        Thread thread = new Thread(this::pollLoop, "test-notification-journal");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(Topic.NOTIFICATION.topicName()), KafkaTestClient.fromJvmStart(consumer));
            while (running) {
                List<NotificationJournal.Event> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        EventEnvelope envelope = EventCodec.decode(record.value());
                        Notification notification = envelope.payloadAs(Notification.class);
                        if (notification.userId() != null && notification.type() != null) {
                            batch.add(NotificationJournal.Event.of(envelope, notification));
                        }
                    } catch (RuntimeException unreadable) {
                        Log.debugf("Not journaled in the test: %s", unreadable.getMessage());
                    }
                }
                if (!batch.isEmpty()) {
                    journal.journalAll(batch).await().atMost(Duration.ofSeconds(10));
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
