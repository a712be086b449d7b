package io.slideo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;

/**
 * Health and metrics are for the kubelet and Prometheus, on the management port; the public port, the
 * one the gateway's Service and ingress expose to everyone, does not serve them, with or without a token.
 */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInUpstreams.class, restrictToAnnotatedClass = true)
class ManagementPortTest {
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "health/live", management = true)
    URL liveness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics" })
    void thePublicPortAnswersNotFoundForHealthAndMetrics(String path) {
        given().get(path).then().statusCode(404)
                .body(not(containsString("\"checks\"")))
                .body(not(containsString("# TYPE")));
        given().header("Authorization", "Bearer " + TestTokens.valid(TestTokens.newUser()))
                .get(path).then().statusCode(404)
                .body(not(containsString("\"checks\"")))
                .body(not(containsString("# TYPE")));
    }

    @Test
    void readinessOnTheManagementPortCoversRedis() {
        given().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Redis")));
        given().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsOnTheManagementPortCountThePublicPortsRequests() {
        given().header("X-Request-Id", "counted-by-metrics").get("/index.html").then().statusCode(200);
        given().get(metrics).then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/index.html\""));
    }
}
