package io.slideo.worker.model;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the fake model server before the worker and points the model path and the research clients
 * at it: short timeouts and breaker delays so each failure mode plays out in seconds, a small
 * context window so long documents must be retrieved from, not pasted. Tests each use a model name of
 * their own from the allow-list, so each has its own circuit breaker and its own call count.
 */
public class FakeModelServerResource implements QuarkusTestResourceLifecycleManager {
    public static final int CONTEXT_TOKENS = 4096;
    private static FakeModelServer server;

    public static FakeModelServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = FakeModelServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("The fake model server did not start", e);
        }
        String base = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new HashMap<>();
        config.put("slideo.worker.model.name", "fake-default");
        config.put("slideo.worker.model.allowed", "fake-normal,fake-slow,fake-rate_limited,fake-error_500,"
                + "fake-malformed,fake-truncated,fake-wrong_schema,fake-hang,fake-down,fake-breaker,fake-plan,"
                + "fake-long,fake-template,fake-cache,fake-bench,fake-research,fake-semantic");
        config.put("slideo.worker.model.base-url", base + "/v1");
        config.put("slideo.worker.model.embedding-name", "fake-embed");
        config.put("slideo.worker.model.api-key", "test-key");
        config.put("slideo.worker.model.timeout", "3s");
        config.put("slideo.worker.model.retries", "2");
        config.put("slideo.worker.model.retry-delay", "100ms");
        config.put("slideo.worker.model.max-retry-delay", "5s");
        config.put("slideo.worker.model.breaker-volume", "4");
        config.put("slideo.worker.model.breaker-failure-ratio", "0.5");
        config.put("slideo.worker.model.breaker-delay", "2s");
        config.put("slideo.worker.model.breaker-successes", "1");
        config.put("slideo.worker.model.context-tokens", String.valueOf(CONTEXT_TOKENS));
        config.put("slideo.worker.research.tavily-key", "tavily-test-key");
        config.put("slideo.worker.research.tavily-url", base + "/tavily");
        config.put("slideo.worker.research.firecrawl-key", "firecrawl-test-key");
        config.put("slideo.worker.research.firecrawl-url", base + "/firecrawl");
        // The research services' breakers close again quickly, so a test of a failing service leaves none open.
        config.put("io.slideo.worker.research.WebSearch/search/CircuitBreaker/delay", "500");
        config.put("io.slideo.worker.research.WebSearch/scrape/CircuitBreaker/delay", "500");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
