package io.slideo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.slideo.testing.RepositoryPaths;

/**
 * The suite's six services by HTTP port, where its state lives, and whether the services say they are ready
 * (on their management ports). The one place system tests learn where the suite is: ./slideo test exports
 * its own suite's (SLIDEO_HTTP_PORT, SLIDEO_HOME), apart from any suite a user started with ./slideo up,
 * whose defaults (8080, .slideo/) apply when they are unset.
 */
final class Services {
    /** The gateway's HTTP port; the launcher puts the other services on the next five (8081 to 8085 by default). */
    static final int GATEWAY_PORT = Integer.parseInt(System.getenv().getOrDefault("SLIDEO_HTTP_PORT", "8080"));
    static final Map<String, Integer> PORTS = Map.of("gateway-service", GATEWAY_PORT,
            "websocket-service", GATEWAY_PORT + 1, "document-service", GATEWAY_PORT + 2,
            "content-service", GATEWAY_PORT + 3, "slide-service", GATEWAY_PORT + 4, "worker-service", GATEWAY_PORT + 5);
    /** The launcher's home for this suite: pid files, logs, the JWT secret, PostgreSQL's data. */
    static final Path HOME = home();
    private static Map<String, String> suiteEnvironment;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Services() {
    }

    static int port(String service) {
        return PORTS.get(service);
    }

    /** websocket-service instance k: the first on the gateway's port + 1, the k-th (k >= 2) on the gateway's + 9 + k. */
    static int websocketPort(int k) {
        return k == 1 ? GATEWAY_PORT + 1 : GATEWAY_PORT + 9 + k;
    }

    /**
     * A port for the n-th worker a test starts beside the suite's (n = 1 the paced worker, n = 2 a second one),
     * past the suite's first five websocket-service instances: the gateway's port + 14 + n (8095, 8096).
     */
    static int spareWorkerPort(int n) {
        return GATEWAY_PORT + 14 + n;
    }

    /**
     * The environment the suite's services run with, as {@code ./slideo env} prints it (read once): a service a
     * test starts in a dead one's place gets it, so it joins this suite's PostgreSQL, Redis and Kafka whatever
     * the test JVM itself was given (a worker started with only the ports joined the default suite's Kafka).
     */
    static synchronized Map<String, String> suiteEnvironment() {
        if (suiteEnvironment == null) {
            suiteEnvironment = readSuiteEnvironment();
        }
        return suiteEnvironment;
    }

    private static Map<String, String> readSuiteEnvironment() {
        try {
            Process launcher = new ProcessBuilder("bash", "-ec", "exports=$(./slideo env); eval \"$exports\"; env -0")
                    .directory(RepositoryPaths.root().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (launcher.waitFor() != 0) {
                throw new IllegalStateException("./slideo env failed (exit " + launcher.exitValue() + ")");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            for (String variable : out.split("\0")) {
                int equals = variable.indexOf('=');
                if (variable.startsWith("SLIDEO_") && equals > 0) {
                    environment.put(variable.substring(0, equals), variable.substring(equals + 1));
                }
            }
            return Map.copyOf(environment);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run ./slideo env", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the suite's environment", e);
        }
    }

    /** The JVM option that puts a service's temporary files in the suite's home, as the launcher starts them. */
    static String temporaryFolderOption() {
        return "-Djava.io.tmpdir=" + HOME.resolve("tmp");
    }

    private static Path home() {
        String configured = System.getenv("SLIDEO_HOME");
        return configured == null || configured.isBlank() ? RepositoryPaths.root().resolve(".slideo")
                : Path.of(configured);
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
