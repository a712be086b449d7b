package io.slideo.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context of the transaction that wrote an outbox event, stored with its row: the
 * relay sends the event later, on its own timer, and without this the trace would end at the write.
 */
record TraceContext(String traceparent, String tracestate) {
    static final TraceContext NONE = new TraceContext(null, null);
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the span that is current here, or {@link #NONE} outside any trace. */
    static TraceContext current() {
        return of(Context.current());
    }

    static TraceContext of(Context context) {
        Map<String, String> headers = new HashMap<>();
        W3C.inject(context, headers, Map::put);
        return new TraceContext(headers.get("traceparent"), headers.get("tracestate"));
    }

    /** The parent of the relay's send: the writer's span (remote), or the root when the event had no trace. */
    Context asParent() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("traceparent", traceparent);
        if (tracestate != null) {
            headers.put("tracestate", tracestate);
        }
        return W3C.extract(Context.root(), headers, FROM_MAP);
    }
}
