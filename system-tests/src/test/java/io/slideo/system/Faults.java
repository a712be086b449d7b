package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.slideo.testing.RepositoryPaths;

/**
 * Crashes inflicted on the running suite, each as kill -9 (nothing shuts down cleanly), and the
 * launcher's own way back: ./slideo infra for PostgreSQL, Kafka and Redis, a worker or websocket-service
 * instance started in the dead one's place. Each returns how long the suite took to be ready again.
 */
final class Faults {
    private static final Path STATE = Services.HOME;
    private static final Duration READY_PATIENCE = Duration.ofMinutes(3);
    // Where the launcher told the services (and this test) the infrastructure is.
    private static final int POSTGRES_PORT = Integer.parseInt(System.getenv().getOrDefault("SLIDEO_PG_PORT", "15432"));
    private static final int REDIS_PORT = portOf(System.getenv().getOrDefault("SLIDEO_REDIS_URL", "redis://127.0.0.1:16379"));
    private static final int KAFKA_PORT = portOf(System.getenv().getOrDefault("SLIDEO_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));

    /** One fault: what was killed, for how long, and milliseconds from its return until every service was ready. */
    record Outcome(String fault, long downMillis, long readyAfterMillis) {
    }

    private Faults() {
    }

    /** The suite's worker killed and another started in its place, as after a node's loss. */
    static Outcome worker() throws Exception {
        long killedAt = System.currentTimeMillis();
        ProcessHandle worker = WorkerProcess.suiteWorker();
        if (worker != null) {
            kill(worker);
        }
        WorkerProcess replacement = WorkerProcess.start(Services.port("worker-service"), Map.of());
        Files.writeString(STATE.resolve("pids/worker-service.pid"), Long.toString(replacement.pid()));
        long back = System.currentTimeMillis();
        return new Outcome("worker-service killed, another started", back - killedAt, readyAfter(back));
    }

    /** The last websocket-service instance killed and started again {@code down} later; its clients reconnect. */
    static Outcome websocketInstance(Duration down) throws Exception {
        List<LiveInstances.Instance> running = LiveInstances.running();
        LiveInstances.Instance victim = running.get(running.size() - 1);
        victim.kill();
        Thread.sleep(down.toMillis());
        victim.restart();
        long back = System.currentTimeMillis();
        return new Outcome(victim.name() + " killed for " + down.toSeconds() + " s", down.toMillis(), readyAfter(back));
    }

    static Outcome postgres(Duration down) throws Exception {
        killPostgres();
        return outage("PostgreSQL", down);
    }

    static Outcome kafka(Duration down) throws Exception {
        kill(pidFile("kafka"));
        return outage("Kafka", down);
    }

    static Outcome redis(Duration down) throws Exception {
        kill(pidFile("redis"));
        return outage("Redis", down);
    }

    /** kill -9 on the postmaster and every backend: nothing shuts down cleanly, as in a crash. */
    static void killPostgres() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(STATE.resolve("data/postgres/postmaster.pid")).get(0).trim());
        kill(ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("PostgreSQL is not running")));
    }

    /** Starts whatever infrastructure is down as the launcher does; returns when it listens again (epoch millis). */
    static long startInfrastructure() throws Exception {
        Path root = RepositoryPaths.root();
        Path log = STATE.resolve("logs/fault-test-infra.log");
        Process infra = new ProcessBuilder(root.resolve("slideo").toString(), "infra").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertEquals(0, infra.waitFor(), "./slideo infra started the infrastructure again (see " + log + ")");
        // A launcher that took the suite's infrastructure for an external one would say "up" and start nothing.
        for (int port : List.of(POSTGRES_PORT, REDIS_PORT, KAFKA_PORT)) {
            try (Socket accepted = new Socket("127.0.0.1", port)) {
                // listening
            } catch (IOException e) {
                throw new AssertionError("./slideo infra exited 0 but nothing listens on " + port + "; it said: "
                        + Files.readString(log), e);
            }
        }
        return System.currentTimeMillis();
    }

    private static Outcome outage(String what, Duration down) throws Exception {
        long killedAt = System.currentTimeMillis();
        Thread.sleep(down.toMillis());
        long back = startInfrastructure();
        return new Outcome(what + " killed for " + down.toSeconds() + " s", back - killedAt, readyAfter(back));
    }

    private static long readyAfter(long since) throws InterruptedException {
        return Services.awaitAllReady(since, READY_PATIENCE).values().stream().mapToLong(Long::longValue).max()
                .orElseThrow();
    }

    private static ProcessHandle pidFile(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(STATE.resolve("pids/" + name + ".pid")).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
    }

    private static void kill(ProcessHandle process) throws Exception {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().get();
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1).replaceAll("/.*", ""));
    }
}
