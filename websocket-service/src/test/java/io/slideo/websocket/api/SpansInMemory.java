package io.slideo.websocket.api;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile whose spans are kept in memory: Quarkus's default exporter ("cdi") sends every span
 * to each {@code SpanExporter} bean, and this one is looked up only under this profile, so the
 * other tests keep nothing. Batches leave every 50 ms instead of every 5 s.
 */
public class SpansInMemory implements QuarkusTestProfile {
    static final String PROPERTY = "slideo.test.spans-in-memory";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(PROPERTY, "true", "quarkus.otel.bsp.schedule.delay", "50ms");
    }

    @Singleton
    static class Exporter {
        @Produces
        @Singleton
        @LookupIfProperty(name = PROPERTY, stringValue = "true")
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }
}
