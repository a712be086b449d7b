package io.slideo.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP receiver in the test JVM: what the suite's services export (protobuf on
 * {@code /v1/traces}), kept in memory. ./slideo test starts the suite with its traces sent here
 * ({@link #PORT}); between tests nothing listens, and the services' exporters drop their spans.
 */
final class SpanReceiver implements AutoCloseable {
    /** Keep in step with ./slideo (the suite ./slideo test starts exports to http://127.0.0.1:14318). */
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("SLIDEO_TRACES_RECEIVER_PORT", "14318"));

    /** One span as a service exported it; its attributes' values as text. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentId, String name, Span.SpanKind kind,
            long startNanos, long endNanos, Map<String, String> attributes) {
        double millis() {
            return (endNanos - startNanos) / 1_000_000.0;
        }

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    /**
     * By trace and span id: an exporter that timed out waiting for our answer sends the same batch
     * again, and a span received twice is still one span (a real duplicate has an id of its own).
     */
    private final Map<String, ReceivedSpan> spans = new ConcurrentHashMap<>();

    private SpanReceiver(HttpServer server) {
        this.server = server;
    }

    static SpanReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 64);
        SpanReceiver receiver = new SpanReceiver(server);
        server.createContext("/v1/traces", receiver::receive);
        // Six services export at once; one dispatcher thread answering them in turn is what makes exporters time out.
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "span-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return receiver;
    }

    List<ReceivedSpan> ofTrace(String traceId) {
        return spans.values().stream().filter(s -> s.traceId().equals(traceId))
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos)).toList();
    }

    /** Every span received so far that matches. */
    List<ReceivedSpan> matching(Predicate<ReceivedSpan> wanted) {
        return spans.values().stream().filter(wanted).sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
                .toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            spansOf(ExportTraceServiceRequest.parseFrom(body)).forEach(s -> spans.put(s.traceId() + "/" + s.spanId(), s));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static List<ReceivedSpan> spansOf(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        List<ReceivedSpan> found = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                    .map(v -> v.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    found.add(new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            span.getParentSpanId().isEmpty() ? null : hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                            attributesOf(span.getAttributesList())));
                }
            }
        }
        return found;
    }

    private static Map<String, String> attributesOf(List<KeyValue> attributes) {
        Map<String, String> values = new HashMap<>();
        for (KeyValue attribute : attributes) {
            AnyValue value = attribute.getValue();
            values.put(attribute.getKey(), switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> Long.toString(value.getIntValue());
                case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                default -> value.toString();
            });
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
