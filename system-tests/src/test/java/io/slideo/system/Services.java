package io.slideo.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The suite's six services by HTTP port, and whether they say they are ready (on their management ports). */
final class Services {
    static final Map<String, Integer> PORTS = Map.of("gateway-service", 8080, "websocket-service", 8081,
            "document-service", 8082, "content-service", 8083, "slide-service", 8084, "worker-service", 8085);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Services() {
    }

    /** Whether the service on {@code port} answers its readiness check with 200. */
    static boolean ready(int port) {
        HttpRequest ready = HttpRequest.newBuilder(ManagementPorts.readiness(port)).timeout(Duration.ofSeconds(3)).build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Milliseconds from {@code since} (epoch millis) until the service is ready, or until {@code patience} passes. */
    static long awaitReady(int port, long since, Duration patience) throws InterruptedException {
        long deadline = since + patience.toMillis();
        while (System.currentTimeMillis() < deadline && !ready(port)) {
            Thread.sleep(200);
        }
        return System.currentTimeMillis() - since;
    }

    /** For each service, milliseconds from {@code since} until it was ready (the slowest bounds recovery). */
    static Map<String, Long> awaitAllReady(long since, Duration patience) throws InterruptedException {
        Map<String, Long> readyAfter = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> service : PORTS.entrySet()) {
            readyAfter.put(service.getKey(), awaitReady(service.getValue(), since, patience));
        }
        return readyAfter;
    }
}
