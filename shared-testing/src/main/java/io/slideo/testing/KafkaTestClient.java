package io.slideo.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;

/**
 * A plain Kafka client on the real broker, for tests that send or watch events themselves. A test
 * class holds one as {@code @RegisterExtension static final KafkaTestClient kafka = new KafkaTestClient();}:
 * the producer connects on the first send and is closed after the class's tests.
 */
public final class KafkaTestClient implements AutoCloseable, AfterAllCallback {
    private KafkaProducer<String, String> producer;

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** Sends an event exactly as a service would, and waits for the broker to take it. */
    public void send(Topic topic, EventEnvelope envelope) {
        sendRaw(topic.topicName(), envelope.aggregateId(), EventCodec.encode(envelope));
    }

    /** Sends a record as given, and returns where the broker put it. */
    public RecordMetadata sendRaw(String topic, String key, String value) {
        try {
            return producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Whether a consumer group has committed past the record at {@code at}: it has read that record,
     * so it reads whatever is sent to the partition after it. A group that starts at the latest offset
     * skips what was sent before it joined, which on a fresh broker takes seconds.
     */
    public static boolean hasRead(String group, RecordMetadata at) {
        TopicPartition partition = new TopicPartition(at.topic(), at.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrap()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return committed != null && committed.offset() > at.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of group " + group, e);
        }
    }

    /**
     * Reads a topic from when this test JVM started (see {@link #awaitRaw}) until {@code count} distinct
     * events match, or the timeout passes; returns what matched. Delivery is at-least-once, so a record
     * sent twice with the same event id (a producer's retry, a second worker redoing a step) is one event.
     */
    public static List<EventEnvelope> await(Topic topic, Predicate<EventEnvelope> match, int count, Duration timeout) {
        java.util.Set<java.util.UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return awaitRaw(topic.topicName(), value -> {
            try {
                EventEnvelope envelope = EventCodec.decode(value);
                return match.test(envelope) && seen.add(envelope.eventId()) ? envelope : null;
            } catch (RuntimeException e) {
                return null;
            }
        }, count, timeout);
    }

    /**
     * Reads a topic, from the first record written since this test JVM started, until {@code count}
     * records match or the timeout passes. Whatever a test waits for is written after its JVM started;
     * reading from the topic's beginning instead made every wait pay for all the records a long-lived
     * broker had kept (hundreds of thousands after a benchmark), and short waits ran out.
     */
    public static <T> List<T> awaitRaw(String topic, java.util.function.Function<String, T> match, int count,
            Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<T> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic), fromJvmStart(consumer));
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    T value = match.apply(record.value());
                    if (value != null) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }

    /** For a test's own consumer of a topic: reads from the first record written since this test JVM started. */
    public static ConsumerRebalanceListener fromJvmStart(KafkaConsumer<String, String> consumer) {
        return new FromJvmStart(consumer);
    }

    /**
     * On assignment, seeks each partition to its first record since this JVM started, or to where its
     * end was just before looking when there is none: a record written while we look is then still read
     * (a lazy seek to the end, resolved at the next poll, skipped a reply that came that fast).
     */
    private record FromJvmStart(KafkaConsumer<String, String> consumer) implements ConsumerRebalanceListener {
        /** Record timestamps are the producers' clocks, on this machine; a second's margin is plenty. */
        private static final long SINCE = ManagementFactory.getRuntimeMXBean().getStartTime() - 1000;

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> endsBefore = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> since = new HashMap<>();
            partitions.forEach(partition -> since.put(partition, SINCE));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = offsets.get(partition);
                consumer.seek(partition, first != null ? first.offset() : endsBefore.get(partition));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
