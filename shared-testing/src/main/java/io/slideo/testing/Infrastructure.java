package io.slideo.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a @QuarkusTest at the real PostgreSQL, Redis and Kafka. If they are not running, it
 * starts them the way everything else does, with {@code ./slideo infra}. Each test JVM signs its
 * own tokens with a secret of its own ({@link TestTokens}).
 */
public class Infrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ensureRunning();
        return Map.of("slideo.jwt.secret", TestTokens.secret());
    }

    @Override
    public void stop() {
        // Shared infrastructure outlives a test class; ./slideo down stops it.
    }

    public static synchronized void ensureRunning() {
        if (reachable(pgPort()) && reachable(kafkaPort()) && reachable(redisPort())) {
            return;
        }
        try {
            Process process = new ProcessBuilder(RepositoryPaths.root().resolve("slideo").toString(), "infra")
                    .inheritIO()
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("./slideo infra failed; see .slideo/logs");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run ./slideo infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String kafkaBootstrap() {
        return env("SLIDEO_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    }

    private static int pgPort() {
        return Integer.parseInt(env("SLIDEO_PG_PORT", "15432"));
    }

    private static int kafkaPort() {
        String bootstrap = kafkaBootstrap();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static int redisPort() {
        String url = env("SLIDEO_REDIS_URL", "redis://127.0.0.1:16379");
        return Integer.parseInt(url.replaceAll(".*:(\\d+).*", "$1"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
