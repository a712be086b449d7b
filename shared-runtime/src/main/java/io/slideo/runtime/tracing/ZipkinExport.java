package io.slideo.runtime.tracing;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupUnlessProperty;

/**
 * Spans for a Zipkin server too, when {@code slideo.traces.zipkin-endpoint} names its
 * {@code /api/v2/spans} (./slideo up --traces starts one on 127.0.0.1:9411). Zipkin reads no OTLP, so
 * this is a second exporter beside the OTLP one: quarkus-opentelemetry's default exporter ("cdi")
 * sends every span to each {@link SpanExporter} bean it can look up, and this one is looked up only
 * while the endpoint is set.
 */
@Singleton
public class ZipkinExport {
    static final String ENDPOINT = "slideo.traces.zipkin-endpoint";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Produces
    @Singleton
    @Unremovable
    @LookupUnlessProperty(name = ENDPOINT, stringValue = "none")
    SpanExporter zipkin(@ConfigProperty(name = ENDPOINT, defaultValue = "none") String endpoint) {
        return exporter(URI.create(endpoint));
    }

    /** An exporter posting the spans it is given to {@code endpoint} as Zipkin v2 JSON. */
    static ZipkinSpanExporter exporter(URI endpoint) {
        return ZipkinSpanExporter.builder().setSender(new ZipkinSender(endpoint, TIMEOUT)).build();
    }
}
