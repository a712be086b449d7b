package io.slideo.document.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.DocumentUploaded;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class DocumentResourceTest {
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    @jakarta.inject.Inject
    io.slideo.runtime.blob.BlobStore blobs;
    private final String user = TestTokens.newUser();

    @Test
    void uploadStoresTheDocumentAndAnnouncesItOnKafka() {
        String id = upload(user, "paper-tracemonkey.pdf")
                .statusCode(201)
                .body("mediaType", equalTo("application/pdf"))
                .body("status", equalTo("uploaded"))
                .body("fileName", equalTo("paper-tracemonkey.pdf"))
                .extract().path("id");

        List<EventEnvelope> events = KafkaTestClient.await(Topic.DOCUMENT_UPLOADED, e -> e.aggregateId().equals(id), 1,
                Duration.ofSeconds(20));
        assertEquals(1, events.size(), "document.uploaded.v1 for " + id);
        DocumentUploaded uploaded = events.get(0).payloadAs(DocumentUploaded.class);
        assertEquals(user, events.get(0).userId());
        assertEquals("documents/" + id + "/original", uploaded.blobKey());

        as(user).get("/api/v1/documents").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        upload(user, "hostile/lying-extension-exe.pdf")
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_TYPE"))
                .body("retryable", equalTo(false));
        upload(user, "hostile/empty.pdf").statusCode(422).body("code", equalTo("EMPTY"));
    }

    @Test
    void aPasswordProtectedWordFileIsRefusedAsEncrypted() throws Exception {
        File protectedDocx = PasswordProtectedOffice.wordFile("A paragraph nobody may read", "secret");
        try {
            as(user).multiPart("file", protectedDocx).post("/api/v1/documents").then()
                    .statusCode(422)
                    .body("code", equalTo("ENCRYPTED"))
                    .body("message", org.hamcrest.Matchers.startsWith("This file needs a password"))
                    .body("retryable", equalTo(false));
        } finally {
            protectedDocx.delete();
        }
    }

    @Test
    void anotherUserSeesNothingOfTheDocument() {
        String id = upload(user, "license-apache-2.0.txt").statusCode(201).extract().path("id");
        String stranger = TestTokens.newUser();

        as(stranger).get("/api/v1/documents/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(stranger).delete("/api/v1/documents/" + id).then().statusCode(404);
        as(stranger).get("/api/v1/documents").then().statusCode(200).body("id", not(hasItem(id)));
        as(user).get("/api/v1/documents/" + id).then().statusCode(200);
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void refusesEveryBadToken(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/documents")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    static List<String> badTokens() {
        String u = "someone";
        return List.of(TestTokens.expired(u), TestTokens.signedWithAnotherSecret(u), TestTokens.unsigned(u),
                TestTokens.withIssuer(u, "https://evil.example/auth/v1"), TestTokens.withAudience(u, "anon"),
                "not-a-jwt");
    }

    @Test
    void refusesAMissingToken() {
        given().get("/api/v1/documents").then().statusCode(401);
    }

    @Test
    void aDuplicatedExtractionEventChangesTheDocumentAndNotifiesTheUserOnce() {
        String id = upload(user, "license-apache-2.0.txt").statusCode(201).extract().path("id");
        EventEnvelope extracted = EventEnvelope.of(Topic.DOCUMENT_EXTRACTED, id, user,
                new DocumentExtracted(id, "req-" + id, "Apache License", "en", 1, 10_000, 9, "documents/" + id + "/extraction.json"));

        kafka.send(Topic.DOCUMENT_EXTRACTED, extracted);
        kafka.send(Topic.DOCUMENT_EXTRACTED, extracted);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/documents/" + id)
                .then().statusCode(200).body("status", equalTo("extracted")).body("language", equalTo("en"))
                .body("sections", equalTo(9)));
        List<EventEnvelope> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> isFileProcessedFor(e, id), 2,
                Duration.ofSeconds(8));
        assertEquals(1, told.size(), "one file_processed notification despite the duplicate");
    }

    @Test
    void aFailureIsShownWithItsCode() {
        String id = upload(user, "license-apache-2.0.txt").statusCode(201).extract().path("id");
        kafka.send(Topic.DOCUMENT_FAILED, EventEnvelope.of(Topic.DOCUMENT_FAILED, id, user,
                new DocumentFailed(id, null, ErrorCode.ENCRYPTED, "The PDF is protected by a password; remove it and upload again")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/documents/" + id)
                .then().statusCode(200).body("status", equalTo("failed")).body("errorCode", equalTo("ENCRYPTED")));
    }

    @Test
    void theStructureIsServedOnceExtractedAndRefusedBefore() throws Exception {
        String id = upload(user, "license-apache-2.0.txt").statusCode(201).extract().path("id");
        as(user).get("/api/v1/documents/" + id + "/structure").then().statusCode(409).body("code", equalTo("CONFLICT"));

        String key = "documents/" + id + "/extraction.json";
        blobs.put(key, new java.io.ByteArrayInputStream(
                "{\"documentId\":\"x\",\"title\":\"Apache License\",\"sections\":[]}".getBytes()));
        kafka.send(Topic.DOCUMENT_EXTRACTED, EventEnvelope.of(Topic.DOCUMENT_EXTRACTED, id, user,
                new DocumentExtracted(id, null, "Apache License", "en", 1, 10_000, 0, key)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/documents/" + id + "/structure")
                .then().statusCode(200).body("title", equalTo("Apache License")));
        as(TestTokens.newUser()).get("/api/v1/documents/" + id + "/structure").then().statusCode(404);
        as(user).get("/api/v1/documents/" + id + "/graph").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theKnowledgeGraphIsServedWithItsTopics() throws Exception {
        String id = upload(user, "license-apache-2.0.txt").statusCode(201).extract().path("id");
        as(user).get("/api/v1/documents/" + id + "/graph").then().statusCode(409);
        String graphKey = "documents/" + id + "/graph.json";
        blobs.put(graphKey, new java.io.ByteArrayInputStream(("{\"documentId\":\"" + id + "\",\"topics\":"
                + "[{\"id\":0,\"label\":\"License, work\",\"phrases\":[\"license\"],\"sections\":[1]}]}").getBytes()));
        kafka.send(Topic.DOCUMENT_EXTRACTED, EventEnvelope.of(Topic.DOCUMENT_EXTRACTED, id, user,
                new DocumentExtracted(id, null, "Apache License", "en", 1, 10_000, 9, "documents/" + id + "/extraction.json",
                        graphKey, "documents/" + id + "/chunks.json", 1)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/documents/" + id + "/graph")
                .then().statusCode(200).body("topics[0].label", equalTo("License, work")));
        as(user).get("/api/v1/documents/" + id).then().body("topics", equalTo(1));
        as(TestTokens.newUser()).get("/api/v1/documents/" + id + "/graph").then().statusCode(404);
    }

    @Test
    void deleteRemovesTheDocument() {
        String id = upload(user, "license-apache-2.0.txt").statusCode(201).extract().path("id");
        as(user).delete("/api/v1/documents/" + id).then().statusCode(204);
        as(user).get("/api/v1/documents/" + id).then().statusCode(404);
    }

    private static boolean isFileProcessedFor(EventEnvelope event, String documentId) {
        Notification n = event.payloadAs(Notification.class);
        return n.type() == ServerMessageType.FILE_PROCESSED && documentId.equals(n.data().path("document_id").asText());
    }

    private static io.restassured.response.ValidatableResponse upload(String user, String corpusFile) {
        File file = RepositoryPaths.corpusFile(corpusFile).toFile();
        return as(user).multiPart("file", file).post("/api/v1/documents").then();
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
