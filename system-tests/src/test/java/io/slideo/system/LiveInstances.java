package io.slideo.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.slideo.testing.RepositoryPaths;

/**
 * The websocket-service instances ./slideo started (SLIDEO_WS_INSTANCES=N): websocket-service on the
 * gateway's port + 1 (8081), websocket-service-k on the gateway's + 9 + k (8091, ...). A test may kill one
 * (kill -9) and start it again in its place, with the launcher's settings and pid file, so the suite is
 * whole afterwards.
 */
final class LiveInstances {
    static final String FIRST = "websocket-service";
    private static final Path STATE = Services.HOME;

    private LiveInstances() {
    }

    /** One instance: its launcher name (also its X-Slideo-Instance) and port. */
    record Instance(String name, int port) {
        Optional<ProcessHandle> process() throws IOException {
            Path pid = STATE.resolve("pids/" + name + ".pid");
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive);
        }

        boolean ready() {
            return Services.ready(port);
        }

        /** kill -9: no shutdown hook, no close frames, nothing flushed. */
        void kill() throws Exception {
            ProcessHandle process = process().orElseThrow(() -> new IllegalStateException(name + " is not running"));
            process.destroyForcibly();
            process.onExit().get();
        }

        /** Starts the instance again as ./slideo does, and waits until it is ready. */
        void restart() throws Exception {
            ProcessBuilder builder = new ProcessBuilder("java", "-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", Services.temporaryFolderOption(), "-jar",
                    RepositoryPaths.root().resolve("websocket-service/target/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(STATE.resolve("logs/" + name + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(Services.suiteEnvironment());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ManagementPorts.of(port)));
            env.put("SLIDEO_WEBSOCKET_INSTANCE_ID", name);
            Process process = builder.start();
            Files.writeString(STATE.resolve("pids/" + name + ".pid"), Long.toString(process.pid()));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited on start; see " + STATE.resolve("logs/" + name + ".log"));
                }
                if (ready()) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + " did not become ready on port " + port);
        }
    }

    static int portOf(int k) {
        return Services.websocketPort(k);
    }

    /** Every instance the launcher started that is running now, the first one first. */
    static List<Instance> running() throws IOException {
        List<Instance> found = new ArrayList<>();
        for (int k = 1; k <= 99; k++) {
            Instance instance = new Instance(k == 1 ? FIRST : FIRST + "-" + k, portOf(k));
            if (instance.process().isPresent()) {
                found.add(instance);
            } else if (k > 1) {
                break;
            }
        }
        return found;
    }

    static Instance named(String name) throws IOException {
        List<Instance> running = running();
        return running.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No running instance named " + name + "; running: "
                        + running));
    }
}
