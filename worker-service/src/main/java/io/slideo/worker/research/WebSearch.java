package io.slideo.worker.research;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.slideo.worker.client.FirecrawlClient;
import io.slideo.worker.client.RetryAfter;
import io.slideo.worker.client.TavilyClient;
import io.slideo.worker.config.WorkerConfig;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The research services at the edge, guarded: timeouts, retries with exponential backoff (waiting
 * out a 429's Retry-After first) and a circuit breaker each. 4xx other than 408 and 429 are not retried.
 */
@ApplicationScoped
public class WebSearch {
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

    private final TavilyClient tavily;
    private final FirecrawlClient firecrawl;
    private final WorkerConfig.Research config;

    WebSearch(@RestClient TavilyClient tavily, @RestClient FirecrawlClient firecrawl, WorkerConfig config) {
        this.tavily = tavily;
        this.firecrawl = firecrawl;
        this.config = config.research();
    }

    @Timeout(20_000)
    @Retry(maxRetries = 3, delay = 500, jitter = 200, maxDuration = 90_000, abortOn = ClientError.class)
    @ExponentialBackoff(maxDelay = 10_000)
    @BeforeRetry(methodName = "waitForTavily")
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = ClientError.class)
    public List<TavilyClient.Result> search(String query, int maxResults) {
        try {
            return tavily.search("Bearer " + config.tavilyKey().orElse(""),
                    new TavilyClient.SearchRequest(query, maxResults, "basic")).results();
        } catch (WebApplicationException e) {
            throw classify(e);
        }
    }

    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 500, jitter = 200, maxDuration = 90_000, abortOn = ClientError.class)
    @ExponentialBackoff(maxDelay = 10_000)
    @BeforeRetry(methodName = "waitForFirecrawl")
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = ClientError.class)
    public FirecrawlClient.ScrapeResponse scrape(String url) {
        try {
            return firecrawl.scrape("Bearer " + config.firecrawlKey().orElse(""),
                    new FirecrawlClient.ScrapeRequest(url, List.of("html"), true));
        } catch (WebApplicationException e) {
            throw classify(e);
        }
    }

    void waitForTavily() {
        RetryAfter.await(URI.create(config.tavilyUrl()), LONGEST_RETRY_AFTER);
    }

    void waitForFirecrawl() {
        RetryAfter.await(URI.create(config.firecrawlUrl()), LONGEST_RETRY_AFTER);
    }

    /** A 4xx that retrying cannot fix (bad key, bad request) is told apart from the rest. */
    private static RuntimeException classify(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new ClientError("The research service refused the request (" + status + ")", e);
        }
        return e;
    }

    /** A request the research service will never accept as it is. */
    public static class ClientError extends RuntimeException {
        public ClientError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
