package io.slideo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;

/** The gateway behind a proxy on the loopback address: the address budgets follow the header that proxy sets. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInUpstreams.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TrustedProxyTest.BehindALoopbackProxy.class, restrictToAnnotatedClass = true)
class TrustedProxyTest {
    public static class BehindALoopbackProxy implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("slideo.gateway.client-address.trusted-proxies", "127.0.0.0/8,::1",
                    "slideo.rate-limit.per-address", "3");
        }

        @Override
        public void stop() {
            // Nothing was started.
        }
    }

    @Test
    void eachForwardedClientSpendsItsOwnAddressBudgetAndHopsTheClientWroteAreIgnored() {
        for (int i = 0; i < 3; i++) {
            fromNewUser("198.51.100.7").statusCode(200);
        }
        fromNewUser("198.51.100.7").statusCode(429).body("code", equalTo("RATE_LIMITED"));
        // A hop the client wrote itself, before the proxy appended the address it saw, changes nothing.
        fromNewUser("198.51.100.99, 198.51.100.7").statusCode(429);
        // Another client behind the same proxy has a budget of its own.
        fromNewUser("203.0.113.1, 198.51.100.8").statusCode(200);
    }

    private static ValidatableResponse fromNewUser(String forwardedFor) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(TestTokens.newUser()))
                .header("X-Forwarded-For", forwardedFor)
                .get("/api/v1/documents").then();
    }
}
