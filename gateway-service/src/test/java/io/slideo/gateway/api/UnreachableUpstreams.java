package io.slideo.gateway.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Every upstream at a port nobody listens on: the whole suite behind the gateway is down. */
public class UnreachableUpstreams implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String nowhere = "http://127.0.0.1:" + unusedPort();
        return Map.of(
                "slideo.gateway.document-service-url", nowhere,
                "slideo.gateway.content-service-url", nowhere,
                "slideo.gateway.slide-service-url", nowhere,
                // Two websocket-service instances, both down: the whole tier is.
                "slideo.gateway.websocket-service-url", nowhere + ",http://127.0.0.1:" + unusedPort());
    }

    @Override
    public void stop() {
        // Nothing was started.
    }

    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
