package io.slideo.websocket.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.slideo.websocket.service.LiveInstance;
import io.smallrye.mutiny.Uni;

/**
 * Names the instance in the upgrade's answer ({@code X-Slideo-Instance}), so operators and tests
 * can tell which instance holds a socket; while shutting down, refuses upgrades with 503 so the
 * gateway tries another instance.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {
    static final String INSTANCE_HEADER = "X-Slideo-Instance";

    private final LiveInstance instance;
    private final Map<String, List<String>> headers;

    LiveUpgradeCheck(LiveInstance instance) {
        this.instance = instance;
        this.headers = Map.of(INSTANCE_HEADER, List.of(instance.name()));
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (instance.draining()) {
            return CheckResult.rejectUpgrade(503, headers);
        }
        return CheckResult.permitUpgrade(headers);
    }
}
