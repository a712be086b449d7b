package io.slideo.worker.tracing;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.bsc.langgraph4j.hook.NodeHook;
import org.bsc.langgraph4j.state.AgentState;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The worker's own spans for its workflows: one per workflow step ({@code plan outline},
 * {@code generation write_slides}) and one per slide written, each the child of whatever span is
 * current (the Kafka record's, the step's), so model calls and published records hang beneath them.
 *
 * <p>The tracer is looked up when a span starts, from the global OpenTelemetry that quarkus-opentelemetry
 * installs (its own {@code Tracer} bean is taken from there too): the workflows are compiled in bean
 * constructors, where no injected tracer reaches the static graph helpers, and outside Quarkus (plain
 * unit tests) the global one is a no-op.
 */
public final class WorkSpans {
    static final String SCOPE = "io.slideo.worker";
    public static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("slideo.workflow");
    public static final AttributeKey<String> WORKFLOW_THREAD = AttributeKey.stringKey("slideo.workflow.thread");
    public static final AttributeKey<String> STEP = AttributeKey.stringKey("slideo.workflow.step");
    public static final AttributeKey<String> DECK = AttributeKey.stringKey("slideo.deck.id");
    public static final AttributeKey<Long> SLIDE = AttributeKey.longKey("slideo.slide.index");

    private WorkSpans() {
    }

    /** Wraps every node of a graph: the node runs under a span named after its workflow and itself. */
    public static <S extends AgentState> NodeHook.WrapCall<S> steps() {
        return (node, state, config, action) -> {
            String thread = config.threadId().orElse("");
            String workflow = thread.contains(":") ? thread.substring(0, thread.indexOf(':')) : "workflow";
            Span span = tracer().spanBuilder(workflow + " " + node).setAttribute(WORKFLOW, workflow)
                    .setAttribute(WORKFLOW_THREAD, thread).setAttribute(STEP, node).startSpan();
            CompletableFuture<Map<String, Object>> result;
            try (Scope ignored = span.makeCurrent()) {
                result = action.apply(state, config);
            } catch (RuntimeException e) {
                endFailed(span, e);
                throw e;
            }
            return result.whenComplete((output, failure) -> {
                if (failure != null) {
                    endFailed(span, failure);
                } else {
                    span.end();
                }
            });
        };
    }

    /** Writes one slide of a deck under a span of its own. */
    public static <T> T slide(String deckId, int index, Callable<T> writing) throws Exception {
        Span span = tracer().spanBuilder("write slide").setAttribute(DECK, deckId).setAttribute(SLIDE, (long) index)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            T written = writing.call();
            span.end();
            return written;
        } catch (Exception e) {
            endFailed(span, e);
            throw e;
        }
    }

    static Tracer tracer() {
        return GlobalOpenTelemetry.getTracer(SCOPE);
    }

    static void endFailed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        span.recordException(failure);
        span.end();
    }
}
