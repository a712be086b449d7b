package io.slideo.worker.tracing;

import static org.bsc.langgraph4j.GraphDefinition.END;
import static org.bsc.langgraph4j.GraphDefinition.START;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.state.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The step and slide spans on a small graph of their own, with an SDK that keeps spans in memory. */
class WorkSpansTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    @BeforeEach
    void traceInMemory() {
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build());
    }

    @AfterEach
    void forgetTheSdk() {
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void eachNodeRunsUnderASpanNamedAfterItsWorkflowAndItselfBelowTheCurrentSpan() throws Exception {
        CompiledGraph<AgentState> graph = new StateGraph<>(AgentState::new)
                .addNode("gather", node_async(state -> Map.of("seen", Span.current().getSpanContext().getSpanId())))
                .addNode("publish", node_async(state -> Map.of()))
                .addEdge(START, "gather").addEdge("gather", "publish").addEdge("publish", END)
                .addWrapCallNodeHook(WorkSpans.steps()).compile();
        Span record = GlobalOpenTelemetry.getTracer("test").spanBuilder("record").startSpan();
        Object seen;
        try (Scope ignored = record.makeCurrent()) {
            seen = graph.invoke(GraphInput.args(Map.of()), RunnableConfig.builder().threadId("plan:p-1").build())
                    .orElseThrow().value("seen").orElseThrow();
        } finally {
            record.end();
        }

        SpanData gather = named("plan gather");
        SpanData publish = named("plan publish");
        assertEquals(record.getSpanContext().getSpanId(), gather.getParentSpanId());
        assertEquals(record.getSpanContext().getSpanId(), publish.getParentSpanId());
        assertEquals(gather.getSpanId(), seen, "the node's own work sees its step span as the current one");
        assertEquals("plan:p-1", gather.getAttributes().get(WorkSpans.WORKFLOW_THREAD));
        assertEquals("gather", gather.getAttributes().get(WorkSpans.STEP));
    }

    @Test
    void aFailingNodesSpanEndsAsAnError() throws Exception {
        CompiledGraph<AgentState> graph = new StateGraph<>(AgentState::new)
                .addNode("outline", node_async(state -> {
                    throw new IllegalStateException("no documents");
                }))
                .addEdge(START, "outline").addEdge("outline", END)
                .addWrapCallNodeHook(WorkSpans.steps()).compile();

        assertThrows(RuntimeException.class, () -> graph.invoke(GraphInput.args(Map.of()),
                RunnableConfig.builder().threadId("generation:g-1").build()));

        SpanData outline = named("generation outline");
        assertEquals(StatusCode.ERROR, outline.getStatus().getStatusCode());
        assertTrue(outline.getStatus().getDescription().contains("no documents"), outline.getStatus().toString());
    }

    @Test
    void slidesWrittenOnAContextCarryingPoolAreSpansUnderTheSubmittingStep() throws Exception {
        ExecutorService writers = Context.taskWrapping(Executors.newFixedThreadPool(2));
        Span step = GlobalOpenTelemetry.getTracer("test").spanBuilder("generation write_slides").startSpan();
        try (Scope ignored = step.makeCurrent()) {
            for (int index = 0; index < 3; index++) {
                int slide = index;
                writers.submit(() -> WorkSpans.slide("deck-1", slide, () -> null)).get();
            }
        } finally {
            step.end();
            writers.shutdown();
        }

        List<SpanData> slides = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("write slide"))
                .toList();
        assertEquals(3, slides.size());
        assertTrue(slides.stream().allMatch(s -> s.getParentSpanId().equals(step.getSpanContext().getSpanId())
                && "deck-1".equals(s.getAttributes().get(WorkSpans.DECK))), slides.toString());
    }

    private SpanData named(String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans.getFinishedSpanItems()));
    }
}
