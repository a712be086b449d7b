package io.slideo.system;

import java.net.URI;

/**
 * Where a service started as ./slideo starts it serves health and metrics: its management interface, on
 * its HTTP port + SLIDEO_MANAGEMENT_PORT_OFFSET (1000 unless set), never on the HTTP port itself.
 */
final class ManagementPorts {
    private static final int OFFSET = Integer.parseInt(
            System.getenv().getOrDefault("SLIDEO_MANAGEMENT_PORT_OFFSET", "1000"));

    private ManagementPorts() {
    }

    static int of(int httpPort) {
        return httpPort + OFFSET;
    }

    static URI readiness(int httpPort) {
        return URI.create("http://127.0.0.1:" + of(httpPort) + "/q/health/ready");
    }
}
