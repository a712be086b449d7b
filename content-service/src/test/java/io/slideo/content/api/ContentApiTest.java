package io.slideo.content.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slideo.content.client.FakeDocumentService;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/**
 * What every content-service API test stands on: the real infrastructure, a stand-in document-service,
 * a Kafka client to play the workers with, a user of the test's own, and requests made as a user.
 * Each test class is a {@code @QuarkusTest} itself (Quarkus makes a bean of the annotated class only).
 */
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeDocumentService.class, restrictToAnnotatedClass = true)
abstract class ContentApiTest {
    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();
    final String user = TestTokens.newUser();

    static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }

    /** As {@link #as}, with a JSON body. */
    static RequestSpecification asJson(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    /** A new document the stand-in document-service knows, with this owner and status. */
    static String document(String owner, String status) {
        String id = UUID.randomUUID().toString();
        FakeDocumentService.add(id, owner, status);
        return id;
    }
}
