package io.slideo.websocket.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;

/** Reads a notification out of its envelope, refusing one that names no user or type; and the trace it carries. */
final class NotificationRecords {
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return java.util.Arrays.stream(headers.toArray()).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private NotificationRecords() {
    }

    /** The trace the producer wrote into the record's headers (W3C traceparent), or the root context. */
    static Context traceOf(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
    }

    static Notification read(EventEnvelope envelope) {
        Notification notification = envelope.payloadAs(Notification.class);
        if (notification.userId() == null || notification.type() == null) {
            throw new EventCodec.MalformedEventException("Notification lacks userId or type");
        }
        return notification;
    }
}
