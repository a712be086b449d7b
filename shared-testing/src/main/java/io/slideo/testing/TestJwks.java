package io.slideo.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider's JWKS endpoint inside the test (the JDK's HTTP server on a free port of
 * 127.0.0.1): it lists the public halves of the keys last {@link #publish published}, so a test can
 * rotate keys while the service under test runs, and counts how often it was fetched.
 */
public final class TestJwks implements AutoCloseable {
    public static final String PATH = "/auth/v1/.well-known/jwks.json";

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile byte[] document = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
    private volatile boolean down;

    private TestJwks(HttpServer server) {
        this.server = server;
    }

    public static TestJwks start(TestSigningKey... keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestJwks jwks = new TestJwks(server);
            server.createContext(PATH, jwks::serve);
            server.start();
            jwks.publish(keys);
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test JWKS endpoint", e);
        }
    }

    /** From now on the endpoint lists exactly these keys. */
    public void publish(TestSigningKey... keys) {
        String json = Arrays.stream(keys).map(TestSigningKey::publicJwk).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        document = json.getBytes(StandardCharsets.UTF_8);
    }

    /** While down, the endpoint answers 503 with a page that is no JWKS, as a failing provider might. */
    public void setDown(boolean down) {
        this.down = down;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public int fetches() {
        return fetches.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        boolean failing = down;
        byte[] body = failing ? "<html>Service Unavailable</html>".getBytes(StandardCharsets.UTF_8) : document;
        exchange.getResponseHeaders().set("Content-Type", failing ? "text/html" : "application/json");
        exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
