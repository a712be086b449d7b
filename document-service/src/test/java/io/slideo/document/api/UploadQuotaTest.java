package io.slideo.document.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;

@QuarkusTest
@TestProfile(UploadQuotaTest.SmallQuotas.class)
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class UploadQuotaTest {
    // license-apache-2.0.txt has 10,174 bytes: two fit in 25,000, a third does not.
    private static final String TEXT = "license-apache-2.0.txt";

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slideo.documents.quota.storage-bytes", "25000",
                    "slideo.documents.quota.documents", "3",
                    "slideo.documents.quota.parse-time-per-hour", "PT1M");
        }
    }

    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @TestHTTPResource(value = "metrics", management = true)
    URI metricsEndpoint;

    @Test
    void aFileThatWouldPassTheStorageQuotaIsRefusedSayingWhatIsLeft() {
        String user = TestTokens.newUser();
        upload(user, TEXT).statusCode(201);
        upload(user, TEXT).statusCode(201);

        refused(upload(user, TEXT))
                .body("message", equalTo("You store 19.9 KiB of your 24.4 KiB; this file (9.9 KiB) needs 5.4 KiB more."
                        + " Delete documents you no longer need, then upload it again."));
        assertEquals(2, documentsOf(user));
        upload(TestTokens.newUser(), TEXT).statusCode(201);
        assertTrue(metrics().contains("slideo_quota_refusals_total{quota=\"storage\"}"), "storage refusals counted");
    }

    @Test
    void theDocumentAfterTheLastOneAllowedIsRefused() {
        String user = TestTokens.newUser();
        for (int i = 0; i < 3; i++) {
            upload(user, "essay-guide-headings-lists.docx").statusCode(201);
        }

        refused(upload(user, "essay-guide-headings-lists.docx"))
                .body("message", startsWith("You keep 3 documents, the most one user may keep (3)"));
        upload(TestTokens.newUser(), "essay-guide-headings-lists.docx").statusCode(201);

        String deleted = as(user).get("/api/v1/documents").then().extract().path("[0].id");
        as(user).delete("/api/v1/documents/" + deleted).then().statusCode(204);
        upload(user, "essay-guide-headings-lists.docx").statusCode(201);
    }

    @Test
    void concurrentUploadsOfOneUserCannotTogetherPassTheQuotas() throws Exception {
        String user = TestTokens.newUser();
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<Integer> call = () -> upload(user, "essay-guide-headings-lists.docx").extract().statusCode();
                statuses.add(pool.submit(call));
            }
            int stored = 0;
            int refused = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                stored += code == 201 ? 1 : 0;
                refused += code == 429 ? 1 : 0;
            }
            assertEquals(3, stored, "three documents are the most one user may keep");
            assertEquals(attempts - 3, refused, "every other upload is refused");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, documentsOf(user));
    }

    @Test
    void uploadsWaitForTheNextHourOnceTheHourOfParseTimeIsSpent() {
        String user = TestTokens.newUser();
        String first = upload(user, TEXT).statusCode(201).extract().path("id");
        String second = upload(user, "essay-guide-headings-lists.docx").statusCode(201).extract().path("id");
        kafka.send(Topic.DOCUMENT_EXTRACTED, EventEnvelope.of(Topic.DOCUMENT_EXTRACTED, first, user,
                new DocumentExtracted(first, null, "Apache License", "en", 1, 10_000, 9,
                        "documents/" + first + "/extraction.json", null, null, 0, 35_000)));
        // A parse that timed out spent its time too.
        kafka.send(Topic.DOCUMENT_FAILED, EventEnvelope.of(Topic.DOCUMENT_FAILED, second, user,
                new DocumentFailed(second, null, ErrorCode.TIMEOUT, "Reading took too long", 25_000)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> refused(upload(user, "essay-guide-headings-lists.docx"))
                .body("message", matchesPattern("Reading your documents took 1 min this hour, all of the 1 min allowed"
                        + " per hour; uploads are accepted again at \\d\\d:00 UTC \\(in \\d+ min\\)\\.")));
        upload(TestTokens.newUser(), "essay-guide-headings-lists.docx").statusCode(201);
        assertTrue(metrics().contains("slideo_quota_refusals_total{quota=\"parse_time\"}"), "parse time refusals counted");
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(429)
                .body("code", equalTo("QUOTA_EXCEEDED"))
                .body("retryable", equalTo(false))
                .body("request_id", notNullValue());
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    private static int documentsOf(String user) {
        return as(user).get("/api/v1/documents").then().statusCode(200).extract().path("size()");
    }

    private String metrics() {
        return given().get(metricsEndpoint).then().statusCode(200).extract().asString();
    }

    private static ValidatableResponse upload(String user, String corpusFile) {
        File file = RepositoryPaths.corpusFile(corpusFile).toFile();
        return as(user).multiPart("file", file).post("/api/v1/documents").then();
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
