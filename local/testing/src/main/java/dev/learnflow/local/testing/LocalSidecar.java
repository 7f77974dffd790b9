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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the service under test beside a real local Dapr sidecar, in the test JVM: the app's Dapr client talks to
 * it over gRPC/HTTP exactly as in production. Args: {@code appId} (required) and {@code components}:
 * {@code memory} (in-memory pub/sub and state, the default) or {@code real} (the repo's dapr/components over an
 * embedded Kafka and the machine's PostgreSQL). Stub backends join the same mesh with {@link #startPeer}.
 */
public class LocalSidecar implements QuarkusTestResourceLifecycleManager {

    private static final Duration APP_READY_TIMEOUT = Duration.ofSeconds(60);
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

    /**
     * Called for each test instance once the app is up: holds the test until the app's sidecar has read its
     * subscriptions, as daprd does only after the app answers. Without this, a test that publishes to the app's
     * own topic right after a restart loses the message (no subscriber yet, and in-memory pub/sub keeps nothing).
     */
    @Override
    public void inject(TestInjector testInjector) {
        Sidecar sidecar;
        synchronized (LocalSidecar.class) {
            sidecar = registry == null ? null : registry.lookup(appId);
        }
        if (sidecar == null) {
            return;
        }
        try {
            sidecar.appReady().get(APP_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the sidecar of " + appId + " never saw the app ready within "
                    + APP_READY_TIMEOUT, e);
        }
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
