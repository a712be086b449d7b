package io.slideo.runtime.tracing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import zipkin2.reporter.BytesMessageEncoder;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

/**
 * Posts a batch of spans to a Zipkin server ({@code /api/v2/spans}, a JSON list) with the JDK's
 * HTTP client, in place of the exporter's default OkHttp sender. Called from the batch span
 * processor's own thread, never from a request's.
 */
final class ZipkinSender extends BytesMessageSender.Base {
    /** Zipkin's own collector limit for one message. */
    private static final int MESSAGE_MAX_BYTES = 5 * 1024 * 1024;

    private final HttpClient client;
    private final URI endpoint;
    private final Duration timeout;

    ZipkinSender(URI endpoint, Duration timeout) {
        super(Encoding.JSON);
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int messageMaxBytes() {
        return MESSAGE_MAX_BYTES;
    }

    @Override
    public void send(List<byte[]> encodedSpans) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", Encoding.JSON.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(BytesMessageEncoder.JSON.encode(encodedSpans))).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while sending spans to " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Zipkin at " + endpoint + " answered " + response.statusCode());
        }
    }

    @Override
    public void close() {
        // The JDK client holds no connection open between batches worth closing here.
    }
}
