package io.slideo.worker.tracing;

import java.net.URI;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * One call to a chat model as a span, named and described as the OpenTelemetry GenAI semantic
 * conventions ask ({@code chat gpt-4o-mini}, {@code gen_ai.*}): the model asked for, the answer's
 * limits, the tokens spent as the server reported them (or as estimated, when it reported none, and
 * then marked so), and why it failed. The time spent waiting for a free model slot is part of it.
 */
public final class ModelCallSpan {
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    public static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    public static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    public static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<Boolean> TOKENS_ESTIMATED = AttributeKey.booleanKey("slideo.usage.estimated");
    public static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("slideo.prompt.template");
    public static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    public static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Span span;

    private ModelCallSpan(Span span) {
        this.span = span;
    }

    /** Starts the span of a chat call to {@code model} at {@code server} with one prompt template. */
    public static ModelCallSpan start(Tracer tracer, String model, URI server, String template, int maxTokens,
            Double temperature) {
        var builder = tracer.spanBuilder("chat " + model).setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, "chat").setAttribute(PROVIDER, "openai").setAttribute(REQUEST_MODEL, model)
                .setAttribute(TEMPLATE, template).setAttribute(MAX_TOKENS, (long) maxTokens);
        if (temperature != null) {
            builder.setAttribute(TEMPERATURE, temperature);
        }
        if (server != null && server.getHost() != null) {
            builder.setAttribute(SERVER, server.getHost());
            if (server.getPort() > 0) {
                builder.setAttribute(PORT, (long) server.getPort());
            }
        }
        return new ModelCallSpan(builder.startSpan());
    }

    /** The call answered: which model did, and the tokens it spent. */
    public void answered(String responseModel, long inputTokens, long outputTokens, boolean estimated) {
        if (responseModel != null) {
            span.setAttribute(RESPONSE_MODEL, responseModel);
        }
        span.setAttribute(INPUT_TOKENS, inputTokens);
        span.setAttribute(OUTPUT_TOKENS, outputTokens);
        if (estimated) {
            span.setAttribute(TOKENS_ESTIMATED, true);
        }
    }

    /** The call failed (after the guard's retries): {@code why} as the user is told. */
    public void failed(String why, Throwable failure) {
        span.setStatus(StatusCode.ERROR, why);
        span.setAttribute(ERROR_TYPE, failure.getClass().getSimpleName());
    }

    /** While current, the HTTP calls the model client makes are its children. */
    public Scope makeCurrent() {
        return span.makeCurrent();
    }

    public void end() {
        span.end();
    }
}
