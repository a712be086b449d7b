package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.RepositoryPaths;

/**
 * {@code ./slideo dlq}: an operator sees a dead-lettered record with its reason, replays it to the
 * topic it came from, and a second replay sends nothing again.
 */
class DeadLetterReplayIT {

    @Test
    void aDeadLetteredRecordIsListedShownAndReplayedOnce() throws Exception {
        String topic = "replay-check-" + UUID.randomUUID() + ".v1";
        String value = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"replay-check\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> dead = new ProducerRecord<>(topic + ".dlq", "deck-1", value);
            dead.headers().add("dead-letter-reason", "the database was away".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }

        assertTrue(dlq("list").lines().anyMatch(l -> l.matches("\\Q" + topic + ".dlq\\E\\s+1\\s+0\\s+1")),
                "listed with one record waiting");
        String shown = dlq("show", topic);
        assertTrue(shown.contains("reason: the database was away") && shown.contains(value), shown);

        assertTrue(dlq("replay", topic).contains("Replayed 1 record(s)"));
        List<String> replayed = KafkaTestClient.awaitRaw(topic, v -> v.equals(value) ? v : null, 1, Duration.ofSeconds(20));
        assertEquals(1, replayed.size(), "the record is back on " + topic);

        assertTrue(dlq("replay", topic + ".dlq").contains("Replayed 0 record(s)"), "a second replay sends nothing");
        assertTrue(dlq("list").lines().anyMatch(l -> l.matches("\\Q" + topic + ".dlq\\E\\s+1\\s+1\\s+0")),
                "listed as replayed");
    }

    private static String dlq(String... args) throws Exception {
        Path root = RepositoryPaths.root();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("slideo").toString(), "dlq"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("SLIDEO_KAFKA_BOOTSTRAP", Infrastructure.kafkaBootstrap());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
