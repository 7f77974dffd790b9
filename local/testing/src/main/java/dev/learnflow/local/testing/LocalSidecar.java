package dev.learnflow.local.testing;

import dev.learnflow.local.infra.EmbeddedKafka;
import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.infra.Topics;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.SidecarOptions;
import dev.learnflow.local.sidecar.SidecarRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the service under test beside a real local Dapr sidecar, in the test JVM: the app's Dapr client talks to
 * it over gRPC/HTTP exactly as in production. Args: {@code appId} (required) and {@code components}:
 * {@code memory} (in-memory pub/sub and state, the default) or {@code real} (the repo's dapr/components over an
 * embedded Kafka and the machine's PostgreSQL). Stub backends join the same mesh with {@link #startPeer}.
 */
public class LocalSidecar implements QuarkusTestResourceLifecycleManager {

    private static SidecarRegistry registry;
    private static final List<Sidecar> sidecars = new ArrayList<>();
    private static EmbeddedKafka kafka;
    private static Path componentsDir;
    private static Map<String, String> env = Map.of();

    private String appId;
    private boolean realComponents;

    @Override
    public void init(Map<String, String> args) {
        appId = args.get("appId");
        if (appId == null) {
            throw new IllegalArgumentException("LocalSidecar needs an appId argument");
        }
        realComponents = "real".equals(args.getOrDefault("components", "memory"));
    }

    @Override
    public synchronized Map<String, String> start() {
        registry = new SidecarRegistry();
        if (realComponents) {
            kafka = EmbeddedKafka.builder().start();
            kafka.createTopics(Topics.all());
            PostgresDatabases.ensureDatabase(TestDatabase.HOST, TestDatabase.PORT, TestDatabase.USER,
                    TestDatabase.PASSWORD, TestDatabase.NAME);
            componentsDir = RepoFiles.find("dapr/components");
            env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "LEARNFLOW_STATE_CONNECTION_STRING", TestDatabase.connectionString());
        } else {
            componentsDir = inMemoryComponents();
            env = Map.of();
        }
        int appPort = Ports.freePort();
        Sidecar sidecar = startSidecar(appId, appPort);
        // The Dapr SDK reads these when the service builds its client.
        System.setProperty("dapr.http.port", Integer.toString(sidecar.httpPort()));
        System.setProperty("dapr.grpc.port", Integer.toString(sidecar.grpcPort()));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(appPort));
        config.put("dapr.http.port", Integer.toString(sidecar.httpPort()));
        config.put("dapr.grpc.port", Integer.toString(sidecar.grpcPort()));
        return config;
    }

    @Override
    public synchronized void stop() {
        sidecars.forEach(Sidecar::stop);
        sidecars.clear();
        if (registry != null) {
            registry.close();
            registry = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Adds another app (e.g. a WireMock backend listening on {@code appPort}) with its own sidecar. */
    public static synchronized Sidecar startPeer(String peerAppId, int appPort) {
        return startSidecar(peerAppId, appPort);
    }

    /** The sidecar of an app in this test mesh. */
    public static synchronized Sidecar sidecarOf(String anAppId) {
        return registry.lookup(anAppId);
    }

    /** The embedded Kafka when running with real components. */
    public static synchronized EmbeddedKafka kafka() {
        return kafka;
    }

    private static Sidecar startSidecar(String anAppId, int appPort) {
        try {
            Sidecar sidecar = Sidecar.start(SidecarOptions.builder(anAppId)
                    .appPort(appPort)
                    .daprHttpPort(0)
                    .daprGrpcPort(0)
                    .componentsDir(componentsDir)
                    .configFile(RepoFiles.find("dapr/config.yaml"))
                    .env(env)
                    .registry(registry)
                    .build());
            sidecars.add(sidecar);
            return sidecar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path inMemoryComponents() {
        try {
            Path dir = Files.createTempDirectory("learnflow-components");
            Files.writeString(dir.resolve("pubsub.yaml"), component("kafka-pubsub", "pubsub.in-memory", ""));
            Files.writeString(dir.resolve("statestore.yaml"), component("statestore", "state.in-memory",
                    "    - name: actorStateStore\n      value: \"true\"\n"));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String component(String name, String type, String metadata) {
        return "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name + "\nspec:\n  type: "
                + type + "\n  version: v1\n  metadata:\n" + (metadata.isEmpty() ? "    []\n" : metadata);
    }
}
