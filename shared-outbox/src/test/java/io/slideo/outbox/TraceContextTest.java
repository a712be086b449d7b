package io.slideo.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

class TraceContextTest {
    private static final SpanContext WRITER = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
            TraceFlags.getSampled(), TraceState.builder().put("slideo", "deck-1").build());

    @Test
    void anEventWrittenInsideASpanKeepsThatSpansTraceparentAndTracestate() {
        TraceContext stored;
        try (Scope ignored = Context.root().with(Span.wrap(WRITER)).makeCurrent()) {
            stored = TraceContext.current();
        }

        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", stored.traceparent());
        assertEquals("slideo=deck-1", stored.tracestate());
    }

    @Test
    void anEventWrittenOutsideAnyTraceKeepsNone() {
        TraceContext stored = TraceContext.of(Context.root());

        assertNull(stored.traceparent());
        assertNull(stored.tracestate());
        assertFalse(Span.fromContext(stored.asParent()).getSpanContext().isValid());
    }

    @Test
    void theRelaySendsAsAChildOfTheWritersSpan() {
        TraceContext stored = TraceContext.of(Context.root().with(Span.wrap(WRITER)));

        SpanContext parent = Span.fromContext(stored.asParent()).getSpanContext();

        assertEquals(WRITER.getTraceId(), parent.getTraceId());
        assertEquals(WRITER.getSpanId(), parent.getSpanId());
        assertTrue(parent.isSampled());
        assertTrue(parent.isRemote(), "the writer's span lives in another transaction, maybe another process");
        assertEquals("deck-1", parent.getTraceState().get("slideo"));
    }
}
