package io.slideo.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.slideo.testing.RepositoryPaths;

/**
 * A worker-service process started by a test, beside (or instead of) the suite's own, with the
 * suite's configuration: for tests that kill workers.
 */
final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private WorkerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static WorkerProcess start(int port, Map<String, String> settings) throws Exception {
        Path root = RepositoryPaths.root();
        Path state = Services.HOME;
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-XX:+UseSerialGC", Services.temporaryFolderOption(), "-jar",
                root.resolve("worker-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("logs/worker-test-" + port + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.putAll(Services.suiteEnvironment());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ManagementPorts.of(port)));
        env.putAll(settings);
        WorkerProcess worker = new WorkerProcess(builder.start(), port);
        worker.awaitReady(Duration.ofSeconds(90));
        return worker;
    }

    /** The suite's own worker, as ./slideo started it (its pid file), or null if none runs. */
    static ProcessHandle suiteWorker() throws IOException {
        Path pid = Services.HOME.resolve("pids/worker-service.pid");
        if (!Files.exists(pid)) {
            return null;
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive).orElse(null);
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no offset commit, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The worker on port " + port + " exited; see "
                        + Services.HOME.resolve("logs/worker-test-" + port + ".log"));
            }
            if (Services.ready(port)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The worker on port " + port + " did not become ready");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
