package io.slideo.runtime.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** The Zipkin exporter against a local HTTP server standing in for Zipkin's collector. */
class ZipkinExportTest {
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile int status = 202;
    private HttpServer server;

    @BeforeEach
    void startCollector() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/api/v2/spans", exchange -> {
            try (exchange) {
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopCollector() {
        server.stop(0);
    }

    @Test
    void aSpanArrivesAsZipkinJsonWithItsServiceTraceAndParent() throws Exception {
        SpanExporter exporter = ZipkinExport.exporter(endpoint());
        Span parent;
        Span child;
        try (SdkTracerProvider tracing = tracing(exporter)) {
            parent = tracing.get("test").spanBuilder("ws content_planning").startSpan();
            child = tracing.get("test").spanBuilder("POST /api/v1/plans").setSpanKind(SpanKind.CLIENT)
                    .setParent(io.opentelemetry.context.Context.root().with(parent)).startSpan();
            child.end();
            parent.end();
        }

        List<JsonNode> spans = new java.util.ArrayList<>();
        for (String body : bodies) {
            new ObjectMapper().readTree(body).forEach(spans::add);
        }
        assertEquals(2, spans.size(), bodies.toString());
        assertTrue(contentTypes.stream().allMatch(t -> t.startsWith("application/json")), contentTypes.toString());
        JsonNode call = spans.stream().filter(s -> s.path("kind").asText().equals("CLIENT")).findFirst().orElseThrow();
        assertEquals(child.getSpanContext().getTraceId(), call.path("traceId").asText());
        assertEquals(parent.getSpanContext().getSpanId(), call.path("parentId").asText());
        assertEquals("post /api/v1/plans", call.path("name").asText());
        assertEquals("websocket-service", call.path("localEndpoint").path("serviceName").asText());
    }

    @Test
    void aCollectorThatRefusesTheBatchFailsTheExport() {
        status = 500;
        SpanExporter exporter = ZipkinExport.exporter(endpoint());
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().setResource(resource()).build()) {
            Span span = tracing.get("test").spanBuilder("refused").startSpan();
            span.end();
            CompletableResultCode result = exporter.export(List.of(((io.opentelemetry.sdk.trace.ReadableSpan) span)
                    .toSpanData()));
            assertFalse(result.join(10, TimeUnit.SECONDS).isSuccess(), "a 500 from Zipkin is a failed export");
        }
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans");
    }

    private static SdkTracerProvider tracing(SpanExporter exporter) {
        return SdkTracerProvider.builder().setResource(resource()).addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
    }

    private static Resource resource() {
        return Resource.create(Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"),
                "websocket-service"));
    }
}
