package io.slideo.document.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;

/**
 * One user's pile of uploads waits its turn instead of standing in front of everyone else's: each
 * user has one document with the workers at a time (the default), the next goes when it is read or
 * failed, in upload order, and another user's upload goes to the workers at once.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class ExtractionQueueTest {
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    /** Longer than a sweep (5 s): a document still waiting after it was held back on purpose. */
    private static final Duration PAST_A_SWEEP = Duration.ofSeconds(7);

    @Test
    void aUsersUploadsGoToTheWorkersOneAtATimeInOrderWhileAnotherUsersGoesAtOnce() {
        String busy = TestTokens.newUser();
        List<String> piled = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            piled.add(upload(busy));
        }
        assertEquals(List.of(piled.get(0)), handedOver(piled, 1), "only the first of the pile goes to the workers");
        assertEquals(List.of(piled.get(0)), handedOver(piled, 2), "the rest wait, sweep or no sweep");

        String other = TestTokens.newUser();
        String theirs = upload(other);
        assertEquals(List.of(theirs), handedOver(List.of(theirs), 1), "another user's upload does not wait for the pile");

        kafka.send(Topic.DOCUMENT_EXTRACTED, EventEnvelope.of(Topic.DOCUMENT_EXTRACTED, piled.get(0), busy,
                new DocumentExtracted(piled.get(0), null, "Apache License", "en", 1, 10_000, 9, "documents/x/extraction.json")));
        assertEquals(piled.subList(0, 2), handedOver(piled, 2), "once the first is read, the second goes");

        kafka.send(Topic.DOCUMENT_FAILED, EventEnvelope.of(Topic.DOCUMENT_FAILED, piled.get(1), busy,
                new DocumentFailed(piled.get(1), null, ErrorCode.CORRUPT, "unreadable")));
        assertEquals(piled.subList(0, 3), handedOver(piled, 3), "a failed one gives its place too");
    }

    @Test
    void deletingTheDocumentWithTheWorkersLetsTheNextGoWithoutWaitingForItsResult() {
        String user = TestTokens.newUser();
        List<String> piled = List.of(upload(user), upload(user));
        assertEquals(piled.subList(0, 1), handedOver(piled, 1), "the first goes");

        as(user).delete("/api/v1/documents/" + piled.get(0)).then().statusCode(204);
        assertEquals(piled, handedOver(piled, 2), "the sweep hands over the next once the first is gone");
    }

    /** The documents among {@code ids} announced to the workers, in the order they were, once at least {@code expected}. */
    private static List<String> handedOver(List<String> ids, int expected) {
        List<EventEnvelope> events = KafkaTestClient.await(Topic.DOCUMENT_UPLOADED, e -> ids.contains(e.aggregateId()),
                expected + 1, PAST_A_SWEEP);
        // Partitions interleave as they like; the envelopes say when each was handed over.
        return events.stream().sorted(java.util.Comparator.comparing(EventEnvelope::occurredAt))
                .map(EventEnvelope::aggregateId).toList();
    }

    private static String upload(String user) {
        File file = RepositoryPaths.corpusFile("license-apache-2.0.txt").toFile();
        return as(user).multiPart("file", file).post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
