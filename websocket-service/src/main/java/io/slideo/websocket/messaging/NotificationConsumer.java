package io.slideo.websocket.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.websocket.service.NotificationDispatcher;

/**
 * Every instance reads all of notification.v1 (a consumer group of its own, from the latest
 * record) because any instance may hold the user's socket. Records come in batches, as each poll
 * returned them: a batch is journaled in one Redis pipeline (one round trip, however many users),
 * then offered to the sockets, in the order read; the next poll waits until that batch is numbered,
 * so each user's notifications keep their order. Nothing is committed in this group. A record that
 * cannot be read is skipped here: the shared journal group sends it to the dead-letter topic, once.
 *
 * <p>This is a plain Kafka poll loop on a thread of its own rather than a reactive-messaging
 * channel: the channel pauses its partitions whenever the previous batch is still being journaled,
 * and a resumed partition waited for the next fetch round, which put tens of milliseconds on every
 * notification (p99 of a 1,000-deck load: 440 ms). Here the next poll starts the moment a batch is
 * handed over.
 *
 * <p>When this loop may have missed records (a batch not numbered because Redis was away, or a
 * rebalance after Kafka restarted, which puts a group without commits at the end), every socket here
 * is caught up from the journal a few times over the next minute, as the shared journal group numbers
 * what was missed.
 */
@ApplicationScoped
public class NotificationConsumer {
    static final String TOPIC = "notification.v1";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DISPATCH_PATIENCE = Duration.ofSeconds(60);
    private static final List<Duration> CATCH_UP_AFTER = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(60));

    private final NotificationDispatcher dispatcher;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile boolean assignedBefore;
    private final ScheduledExecutorService catchUps = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-catch-up");
        thread.setDaemon(true);
        return thread;
    });
    private Thread thread;

    NotificationConsumer(NotificationDispatcher dispatcher,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dispatcher = dispatcher;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // A restarted instance is a new group: there is nothing for the broker to keep.
                ConsumerConfig.GROUP_ID_CONFIG, "websocket-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // An idle fetch waits at the broker at most this long; a record ends the wait at once.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new StringDeserializer());
        running = true;
        thread = new Thread(this::pollLoop, "notification-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the broker has given this instance its partitions: notifications from then on reach its sockets. */
    public boolean assigned() {
        return assigned;
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = true;
                    if (assignedBefore) {
                        catchUpSoon("partitions assigned again");
                    }
                    assignedBefore = true;
                }
            });
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    dispatch(records);
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            Log.errorf(e, "Notification delivery stopped on this instance");
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void dispatch(ConsumerRecords<String, String> records) {
        List<NotificationDispatcher.Read> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = EventCodec.decode(record.value());
                batch.add(new NotificationDispatcher.Read(envelope, NotificationRecords.read(envelope),
                        NotificationRecords.traceOf(record.headers())));
            } catch (EventCodec.MalformedEventException e) {
                Log.debugf("Skipping an unreadable notification: %s", e.getMessage());
            }
        }
        try {
            dispatcher.dispatchAll(batch).await().atMost(DISPATCH_PATIENCE);
        } catch (RuntimeException e) {
            Log.errorf("%d notification(s) not delivered here yet: %s", batch.size(), e.toString());
            catchUpSoon("a batch was not delivered");
        }
    }

    private void catchUpSoon(String why) {
        Log.infof("Notification delivery may have missed records (%s); sockets here catch up from the journal", why);
        for (Duration after : CATCH_UP_AFTER) {
            catchUps.schedule(dispatcher::catchUpAll, after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        catchUps.shutdownNow();
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
