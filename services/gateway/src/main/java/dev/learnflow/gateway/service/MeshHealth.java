package dev.learnflow.gateway.service;

import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Readiness of every backend as seen from the gateway, through the sidecars (the path real requests take). */
@ApplicationScoped
public class MeshHealth {

    public static final List<String> BACKENDS = List.of("triage", "concepts", "code-review", "debug", "exercise",
            "progress", "code-execution", "websocket", "notification");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    ServiceInvoker invoker;

    /** Backend app-id → UP or DOWN. */
    public Map<String, String> check() {
        Map<String, CompletableFuture<String>> probes = new TreeMap<>();
        for (String appId : BACKENDS) {
            probes.put(appId, invoker.invoke(new ServiceInvoker.Call(appId, "GET", "/q/health/ready", null, null,
                            Map.of(), TIMEOUT))
                    .thenApply(reply -> reply.status() == 200 ? "UP" : "DOWN")
                    .exceptionally(e -> "DOWN"));
        }
        Map<String, String> result = new TreeMap<>();
        probes.forEach((appId, probe) -> result.put(appId, probe.join()));
        return result;
    }
}
