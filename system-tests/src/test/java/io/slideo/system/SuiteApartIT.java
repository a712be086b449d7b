package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.slideo.testing.RepositoryPaths;

/**
 * The suite these tests crash, flood and fill is the tests' own (./slideo test), never one a user started
 * with ./slideo up: it has a home and ports of its own, and the processes that answer on those ports are
 * the ones recorded in that home. A test run that reached the user's suite once made it fail during a storm
 * in the user's; run against a user's suite, these tests would stop its services and kill its PostgreSQL.
 */
class SuiteApartIT {
    /** `./slideo up`'s ports unless a user moves them (the launcher's UP_PORTS). */
    private static final Set<Integer> UP_INFRASTRUCTURE = Set.of(15432, 16379, 19092, 19093, 19000);
    private static final int UP_GATEWAY = 8080;
    private static final int UP_MANAGEMENT_OFFSET = 1000;

    @Test
    void theLauncherSaysThisIsTheTestsSuiteInAHomeOfItsOwn() {
        assertEquals("test", System.getenv("SLIDEO_SUITE"),
                "system tests run on the suite ./slideo test starts, not on one started with ./slideo up");
        Path userHome = RepositoryPaths.root().resolve(".slideo").toAbsolutePath().normalize();
        assertNotEquals(userHome, Services.HOME.toAbsolutePath().normalize(), "the tests' home is not the user's");
    }

    @Test
    void noServiceInfrastructureOrManagementPortIsOneOfTheUsersSuite() throws Exception {
        Map<String, Integer> infrastructure = Map.of("PostgreSQL", envPort("SLIDEO_PG_PORT"),
                "Redis", portOf(env("SLIDEO_REDIS_URL")), "Kafka", portOf(env("SLIDEO_KAFKA_BOOTSTRAP")),
                "s3proxy", envPort("SLIDEO_S3_PORT"));
        infrastructure.forEach((what, port) -> assertFalse(UP_INFRASTRUCTURE.contains(port),
                what + " on " + port + " is where ./slideo up runs it"));
        // Every port a user's suite may take: its services with up to 99 websocket-service instances (8080 to
        // 8188), their management ports, its infrastructure.
        Set<Integer> taken = new HashSet<>(UP_INFRASTRUCTURE);
        for (int port = UP_GATEWAY; port <= UP_GATEWAY + 9 + 99; port++) {
            taken.add(port);
            taken.add(port + UP_MANAGEMENT_OFFSET);
        }
        List<Integer> ours = new ArrayList<>(Services.PORTS.values());
        LiveInstances.running().forEach(instance -> ours.add(instance.port()));
        ours.add(URI.create(Suite.GATEWAY).getPort());
        ours.add(Services.spareWorkerPort(1));
        ours.add(Services.spareWorkerPort(2));
        for (int port : ours) {
            assertFalse(taken.contains(port), "a service of the tests' suite on " + port + ", a user's suite's port");
            assertFalse(taken.contains(ManagementPorts.of(port)),
                    "the management port of " + port + " (" + ManagementPorts.of(port) + ") is a user's suite's");
        }
    }

    @Test
    void theServicesThatAnswerAreTheOnesRecordedInTheTestsHome() throws Exception {
        for (Map.Entry<String, Integer> service : Services.PORTS.entrySet()) {
            Optional<ProcessHandle> process = pidIn(Services.HOME.resolve("pids/" + service.getKey() + ".pid"));
            assertTrue(process.isPresent(), service.getKey() + " runs from " + Services.HOME);
            assertTrue(Services.ready(service.getValue()), service.getKey() + " answers on " + service.getValue());
        }
        if (!(" " + System.getenv().getOrDefault("SLIDEO_FILLED_IN", "") + " ").contains(" pg ")) {
            return; // an external PostgreSQL the user named for the tests (SLIDEO_TEST_PG_HOST)
        }
        List<String> postmaster = Files.readAllLines(Services.HOME.resolve("data/postgres/postmaster.pid"));
        assertTrue(pidIn(Services.HOME.resolve("data/postgres/postmaster.pid")).isPresent(),
                "PostgreSQL runs from the tests' home");
        assertEquals(env("SLIDEO_PG_PORT"), postmaster.get(3).trim(), "and listens where the services were told");
    }

    private static Optional<ProcessHandle> pidIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        assertTrue(value != null && !value.isBlank(), "./slideo test exports " + name);
        return value;
    }

    private static int envPort(String name) {
        return Integer.parseInt(env(name));
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.replaceAll("^.*:(\\d+).*$", "$1"));
    }
}
