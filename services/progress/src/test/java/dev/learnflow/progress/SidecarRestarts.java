package dev.learnflow.progress;

import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.SidecarOptions;
import dev.learnflow.local.sidecar.config.ComponentSpec;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.RepoFiles;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Stops the progress app's sidecar and starts a new one on the same ports, components and mesh. */
public final class SidecarRestarts {

    private SidecarRestarts() {
    }

    public static Sidecar restart(String appId, Duration readyWithin) throws Exception {
        Sidecar old = LocalSidecar.sidecarOf(appId);
        // The same secrets the first one resolved from its environment (embedded Kafka, test PostgreSQL).
        Map<String, String> env = new HashMap<>();
        for (ComponentSpec c : old.components()) {
            if (c.name().equals("statestore")) {
                env.put("LEARNFLOW_STATE_CONNECTION_STRING", c.require("connectionString"));
            } else if (c.name().equals("kafka-pubsub")) {
                env.put("KAFKA_BOOTSTRAP_SERVERS", c.require("brokers"));
            }
        }
        SidecarOptions options = SidecarOptions.builder(appId)
                .appPort(old.appPort())
                .daprHttpPort(old.httpPort())
                .daprGrpcPort(old.grpcPort())
                .componentsDir(RepoFiles.find("dapr/components"))
                .configFile(RepoFiles.find("dapr/config.yaml"))
                .env(env)
                .registry(old.registry())
                .build();
        old.stop();
        Sidecar fresh = Sidecar.start(options);
        fresh.appReady().get(readyWithin.toMillis(), TimeUnit.MILLISECONDS);
        return fresh;
    }
}
