package io.slideo.worker.model;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.quarkus.logging.Log;
import io.slideo.worker.client.RetryAfter;
import io.slideo.worker.config.WorkerConfig;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The models this worker may write with: the configured one, and those of the allow-list a plan or
 * generation may ask for by name. Each gets its own client and guard, built on first use.
 */
@ApplicationScoped
public class ModelEndpoints {
    private final WorkerConfig.Model config;
    private final Map<String, ModelEndpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicReference<EmbeddingEndpoint> embeddings = new AtomicReference<>();

    ModelEndpoints(WorkerConfig config) {
        this.config = config.model();
    }

    /** The model a run writes with (none: offline), and what the user should be told about the choice. */
    public record Choice(Optional<ModelEndpoint> endpoint, String notice) {
        public String generator(String offline) {
            return endpoint.map(ModelEndpoint::generator).orElse(offline);
        }
    }

    public boolean configured() {
        return config.name().filter(n -> !n.isBlank()).isPresent();
    }

    public Choice choose(String requested) {
        boolean asked = requested != null && !requested.isBlank();
        if (!configured()) {
            return new Choice(Optional.empty(), asked
                    ? "Model " + requested + " was asked for, but no model is configured here: the offline generator writes it"
                    : "No model is configured: the offline generator writes it from your documents");
        }
        String standard = config.name().orElseThrow();
        if (!asked || requested.equals(standard)) {
            return new Choice(Optional.of(endpoint(standard)), "Model " + standard + " writes it");
        }
        List<String> allowed = config.allowed().orElse(List.of());
        if (allowed.contains(requested)) {
            return new Choice(Optional.of(endpoint(requested)), "Model " + requested + " writes it");
        }
        return new Choice(Optional.of(endpoint(standard)), "Model " + requested
                + " is not among the models this deployment allows; model " + standard + " writes it");
    }

    public ModelEndpoint endpoint(String model) {
        return endpoints.computeIfAbsent(model, this::build);
    }

    private ModelEndpoint build(String model) {
        URI base = URI.create(config.baseUrl());
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(apiKey())
                .modelName(model)
                .timeout(config.timeout())
                .maxRetries(0) // the guard retries, with backoff and Retry-After
                .build();
        String breaker = breakerName(base, model);
        Log.infof("Model endpoint %s ready (timeout %s, %d retries)", breaker, config.timeout(), config.retries());
        return new ModelEndpoint(model, base, chat, guard(base, breaker), breaker);
    }

    /** The embedding model, when one is configured next to a chat model; built once. */
    public Optional<EmbeddingEndpoint> embeddings() {
        if (!configured() || config.embeddingName().filter(n -> !n.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(embeddings.updateAndGet(existing -> existing != null ? existing : buildEmbeddings()));
    }

    private EmbeddingEndpoint buildEmbeddings() {
        String model = config.embeddingName().orElseThrow();
        URI base = URI.create(config.baseUrl());
        OpenAiEmbeddingModel embedding = OpenAiEmbeddingModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(apiKey())
                .modelName(model)
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
        String breaker = breakerName(base, model);
        Log.infof("Embedding endpoint %s ready", breaker);
        return new EmbeddingEndpoint(model, embedding, guard(base, breaker));
    }

    private String apiKey() {
        return config.apiKey().filter(k -> !k.isBlank()).orElse("not-needed");
    }

    private static String breakerName(URI base, String model) {
        return "model:" + base.getHost() + ":" + base.getPort() + base.getPath() + "#" + model;
    }

    /** Timeout, retries with backoff honouring Retry-After, and a circuit breaker named for the endpoint. */
    private Guard guard(URI base, String breaker) {
        Duration timeout = config.timeout();
        long delay = config.retryDelay().toMillis();
        long longest = config.maxRetryDelay().toMillis();
        return Guard.create()
                .withDescription(breaker)
                .withRetry()
                    .maxRetries(config.retries())
                    .delay(delay, ChronoUnit.MILLIS)
                    .jitter(Math.min(200, delay / 2), ChronoUnit.MILLIS)
                    .maxDuration((timeout.toMillis() + longest) * (config.retries() + 1), ChronoUnit.MILLIS)
                    .whenException(ModelFailures::retryable)
                    .beforeRetry(failure -> {
                        if (ModelFailures.rateLimited(failure) && !RetryAfter.await(base, config.maxRetryDelay())) {
                            Log.infof("Endpoint %s asks to wait longer than %s; not waiting", breaker,
                                    config.maxRetryDelay());
                        }
                    })
                    .withExponentialBackoff().factor(2).maxDelay(longest, ChronoUnit.MILLIS).done()
                    .done()
                .withCircuitBreaker()
                    .name(breaker)
                    .requestVolumeThreshold(config.breakerVolume())
                    .failureRatio(config.breakerFailureRatio())
                    .delay(config.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(config.breakerSuccesses())
                    .when(ModelFailures::endpointFailure)
                    .onStateChange(state -> Log.infof("Circuit breaker of %s is now %s", breaker, state))
                    .done()
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }
}
