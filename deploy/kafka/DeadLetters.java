import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dead-letter topics, for an operator: {@code list} shows each with its records and how many were
 * replayed; {@code show TOPIC [N]} prints its newest records with the reason each failed; {@code
 * replay TOPIC} sends every record not replayed yet back to the topic it came from, once (the replay
 * group's committed offsets remember where it stopped), for after the cause is fixed. Consumers drop
 * events they already handled, so a replayed record that had in fact succeeded changes nothing.
 * Run by {@code ./slideo dlq} with Kafka's client jars: {@code java -cp 'libs/*' DeadLetters.java ...}.
 */
public final class DeadLetters {
    private static final String SUFFIX = ".dlq";
    private static final String REPLAY_GROUP = "slideo-dlq-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    public static void main(String[] args) throws Exception {
        String bootstrap = System.getenv().getOrDefault("SLIDEO_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "list" -> list(bootstrap);
            case "show" -> show(bootstrap, dlq(arg(args, 1)), args.length > 2 ? Integer.parseInt(args[2]) : 10);
            case "replay" -> replay(bootstrap, dlq(arg(args, 1)));
            default -> {
                System.err.println("usage: dlq list | dlq show TOPIC [N] | dlq replay TOPIC   (TOPIC with or without .dlq)");
                System.exit(2);
            }
        }
    }

    private static void list(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<String, String> consumer = consumer(bootstrap, null)) {
            TreeSet<String> topics = new TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
            topics.removeIf(t -> !t.endsWith(SUFFIX));
            Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(REPLAY_GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            System.out.printf("%-45s %8s %8s %8s%n", "dead-letter topic", "records", "replayed", "waiting");
            for (String topic : topics) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long records = 0;
                long done = 0;
                for (TopicPartition p : partitions) {
                    records += end.get(p) - start.get(p);
                    OffsetAndMetadata at = replayed.get(p);
                    done += at == null ? 0 : Math.max(0, at.offset() - start.get(p));
                }
                System.out.printf("%-45s %8d %8d %8d%n", topic, records, done, records - done);
            }
        }
    }

    private static void show(String bootstrap, String topic, int newest) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, null)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            partitions.forEach(p -> consumer.seek(p, Math.max(start.get(p), end.get(p) - newest)));
            for (ConsumerRecord<String, String> record : drain(consumer, end)) {
                System.out.printf("%s-%d@%d key=%s%n  reason: %s%n  cause:  %s%n  value:  %s%n", record.topic(),
                        record.partition(), record.offset(), record.key(), header(record, "dead-letter-reason"),
                        header(record, "dead-letter-cause"), abbreviated(record.value()));
            }
        }
    }

    private static void replay(String bootstrap, String topic) {
        String original = topic.substring(0, topic.length() - SUFFIX.length());
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, REPLAY_GROUP);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                        new StringSerializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            partitions.forEach(p -> consumer.seek(p, committed.get(p) == null ? start.get(p)
                    : Math.max(start.get(p), committed.get(p).offset())));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = drain(consumer, end);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                ProducerRecord<String, String> again = new ProducerRecord<>(original, record.key(), record.value());
                for (Header h : record.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        again.headers().add(h);
                    }
                }
                producer.send(again);
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            producer.flush(); // every record is on its topic before the replay group moves past it
            consumer.commitSync(done);
            System.out.printf("Replayed %d record(s) from %s to %s%n", records.size(), topic, original);
        }
    }

    /** Every record from the consumer's positions up to {@code end} (the offsets when it started). */
    private static List<ConsumerRecord<String, String>> drain(KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (end.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            System.err.println("No topic " + topic);
            System.exit(1);
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String dlq(String topic) {
        return topic.endsWith(SUFFIX) ? topic : topic + SUFFIX;
    }

    private static String arg(String[] args, int i) {
        if (args.length <= i) {
            System.err.println("usage: dlq " + args[0] + " TOPIC");
            System.exit(2);
        }
        return args[i];
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviated(String value) {
        return value == null ? "null" : value.length() <= 300 ? value : value.substring(0, 300) + " …";
    }

    private DeadLetters() {
    }
}
