package io.slideo.worker.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.output.JsonSchemas;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.prompt.PromptCatalog;
import io.slideo.worker.prompt.PromptTemplate;
import io.slideo.worker.prompt.RenderedPrompt;
import io.slideo.worker.tracing.ModelCallSpan;

/**
 * Asks a model for a typed answer through a prompt template: the template's required variables are
 * checked before anything else; an identical earlier prompt is answered from the cache; otherwise
 * the call runs within this worker's and this user's concurrency limits and the endpoint's guard
 * (timeout, retries with backoff and Retry-After, circuit breaker). The answer is read leniently and
 * validated; an unusable one gets a repair prompt, then the whole call is tried again. Blocking.
 */
@ApplicationScoped
public class ModelCalls {
    public static final String REPAIR = "json-repair";
    private static final double CHARS_PER_TOKEN = 3.5;
    private static final int REPAIR_ANSWER_CHARS = 8000;

    private final PromptCatalog prompts;
    private final AnswerCache cache;
    private final TokenLedger ledger;
    private final TokenAllowance allowance;
    private final WorkerConfig.Model config;
    private final Semaphore worker;
    private final Map<String, Semaphore> users = new ConcurrentHashMap<>();
    private final Tracer tracer;

    ModelCalls(PromptCatalog prompts, AnswerCache cache, TokenLedger ledger, TokenAllowance allowance,
            WorkerConfig config, Tracer tracer) {
        this.allowance = allowance;
        this.prompts = prompts;
        this.tracer = tracer;
        this.cache = cache;
        this.ledger = ledger;
        this.config = config.model();
        this.worker = new Semaphore(this.config.workerConcurrency(), true);
    }

    /** Characters of variable text (passages, document map) a call of this template can carry and still fit. */
    public int budgetCharacters(String template) {
        PromptTemplate t = prompts.get(template);
        int fixed = (t.system() == null ? 0 : t.system().length()) + t.user().length()
                + (t.answer() == null ? 0 : t.answer().length()) + 200;
        int tokens = config.contextTokens() - answerTokens(t);
        return Math.max(0, (int) (tokens * CHARS_PER_TOKEN) - fixed);
    }

    public <T> T ask(ModelEndpoint endpoint, String template, Map<String, Object> variables, Class<T> type,
            Function<T, List<String>> check, Usage usage) {
        RenderedPrompt prompt = prompts.render(template, variables);
        String key = AnswerCache.key(prompt.template(), variables, endpoint.model());
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            Checked<T> checked = read(cached.get(), type, check);
            if (checked.answer() != null) {
                ledger.call(prompt.template().id(), endpoint.model(), "cached", TokenLedger.Tokens.NONE, Duration.ZERO,
                        usage);
                Span.current().addEvent("model answer from cache: " + prompt.template().id());
                return checked.answer();
            }
        }
        List<String> problems = List.of();
        for (int attempt = 0; attempt < Math.max(1, config.answerAttempts()); attempt++) {
            String text = complete(endpoint, prompt, type, usage);
            Checked<T> checked = read(text, type, check);
            for (int repair = 0; checked.answer() == null && repair < config.repairs(); repair++) {
                ledger.call(prompt.template().id(), endpoint.model(), "invalid", TokenLedger.Tokens.NONE, Duration.ZERO,
                        usage);
                Log.infof("Answer to %s for deck %s unusable (%s); asking for a repair", prompt.template().id(),
                        usage.deckId(), String.join("; ", checked.problems()));
                RenderedPrompt fix = prompts.render(REPAIR, Map.of(
                        "answer", text.length() > REPAIR_ANSWER_CHARS ? text.substring(0, REPAIR_ANSWER_CHARS) : text,
                        "problems", String.join("; ", checked.problems()),
                        "shape", prompt.template().answer()));
                text = complete(endpoint, fix, type, usage);
                checked = read(text, type, check);
            }
            if (checked.answer() != null) {
                cache.put(key, text);
                return checked.answer();
            }
            problems = checked.problems();
            ledger.call(prompt.template().id(), endpoint.model(), "invalid", TokenLedger.Tokens.NONE, Duration.ZERO,
                    usage);
        }
        throw new UnusableAnswer(prompt.template().id(), problems);
    }

    private record Checked<T>(T answer, List<String> problems) {
    }

    private static <T> Checked<T> read(String text, Class<T> type, Function<T, List<String>> check) {
        try {
            T answer = LenientJson.parse(text, type);
            List<String> problems = answer == null ? List.of("it is empty") : check.apply(answer);
            return problems.isEmpty() ? new Checked<>(answer, List.of()) : new Checked<>(null, problems);
        } catch (LenientJson.NotJson e) {
            return new Checked<>(null, List.of(e.getMessage()));
        }
    }

    /** One guarded call: the answer's text. */
    private String complete(ModelEndpoint endpoint, RenderedPrompt prompt, Class<?> type, Usage usage) {
        allowance.check(usage); // before the call: a user whose tokens for today are spent is written for offline
        PromptTemplate template = prompt.template();
        String shape = template.answer() == null || template.answer().isBlank() ? ""
                : "\n\nAnswer with one JSON object only, no prose and no code fences, of this shape:\n" + template.answer();
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        if (prompt.system() != null && !prompt.system().isBlank()) {
            messages.add(SystemMessage.from(prompt.system()));
        }
        messages.add(UserMessage.from(prompt.user() + shape));
        ChatRequest.Builder request = ChatRequest.builder().messages(messages)
                .maxOutputTokens(answerTokens(template));
        if (template.model().temperature() != null) {
            request.temperature(template.model().temperature());
        }
        responseFormat(type).ifPresent(request::responseFormat);
        ChatRequest built = request.build();
        long started = System.nanoTime();
        ModelCallSpan span = ModelCallSpan.start(tracer, endpoint.model(), endpoint.baseUrl(), template.id(),
                answerTokens(template), template.model().temperature());
        Semaphore user = users.computeIfAbsent(usage == null || usage.userId() == null ? "-" : usage.userId(),
                u -> new Semaphore(config.userConcurrency(), true));
        long waitMillis = config.timeout().toMillis() * (config.retries() + 2L);
        boolean userSlot = false;
        boolean workerSlot = false;
        try {
            userSlot = user.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            workerSlot = userSlot && worker.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            if (!workerSlot) {
                throw new ModelUnavailable("No free model slot on this worker in time", null);
            }
            ChatResponse response;
            try (Scope ignored = span.makeCurrent()) {
                response = endpoint.guard().call(() -> endpoint.chat().chat(built), ChatResponse.class);
            }
            String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                    : response.aiMessage().text();
            TokenLedger.Tokens tokens = tokens(response.tokenUsage(), prompt, text);
            span.answered(response.modelName(), tokens.input(), tokens.output(), !reported(response.tokenUsage()));
            ledger.call(template.id(), endpoint.model(), "ok", tokens, Duration.ofNanos(System.nanoTime() - started),
                    usage);
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            span.failed("Interrupted while waiting for the model", e);
            throw new ModelUnavailable("Interrupted while waiting for the model", e);
        } catch (ModelUnavailable e) {
            span.failed(e.getMessage(), e);
            ledger.call(template.id(), endpoint.model(), "failed", TokenLedger.Tokens.NONE,
                    Duration.ofNanos(System.nanoTime() - started), usage);
            throw e;
        } catch (Exception e) {
            ledger.call(template.id(), endpoint.model(), "failed", TokenLedger.Tokens.NONE,
                    Duration.ofNanos(System.nanoTime() - started), usage);
            String why = ModelFailures.describe(e);
            span.failed(why, e);
            Log.infof("Model call %s for deck %s failed: %s (%s)", template.id(), usage == null ? null : usage.deckId(), why,
                    ModelFailures.chain(e));
            throw new ModelUnavailable(why, e);
        } finally {
            span.end();
            if (workerSlot) {
                worker.release();
            }
            if (userSlot) {
                user.release();
            }
        }
    }

    private Optional<ResponseFormat> responseFormat(Class<?> type) {
        return switch (config.responseFormat()) {
            case "json_schema" -> Optional.of(JsonSchemas.jsonSchemaFrom(type)
                    .map(schema -> ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
                    .orElse(ResponseFormat.JSON));
            case "text" -> Optional.empty();
            default -> Optional.of(ResponseFormat.JSON);
        };
    }

    private int answerTokens(PromptTemplate template) {
        Integer wanted = template.model().maxTokens();
        return wanted == null ? config.maxAnswerTokens() : wanted;
    }

    private static boolean reported(TokenUsage usage) {
        return usage != null && usage.inputTokenCount() != null;
    }

    /** As the server reports them; estimated from the text when it reports nothing. */
    private static TokenLedger.Tokens tokens(TokenUsage usage, RenderedPrompt prompt, String answer) {
        if (reported(usage)) {
            return new TokenLedger.Tokens(usage.inputTokenCount(),
                    usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        }
        return new TokenLedger.Tokens((long) ((prompt.system().length() + prompt.user().length()) / CHARS_PER_TOKEN),
                (long) (answer.length() / CHARS_PER_TOKEN));
    }
}
