package dev.learnflow.notification;

import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.SidecarOptions;
import dev.learnflow.local.sidecar.SidecarRegistry;
import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.RepoFiles;
import dev.learnflow.local.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two websocket replicas notification pushes to in these tests ({@code %test} config: app ids websocket-a and
 * websocket-b), each beside its own local sidecar in the test mesh:
 * <ul>
 *   <li>{@code websocket-a}: a {@link PushRecorder} standing in on the websocket service's contract;</li>
 *   <li>{@code websocket-b}: the REAL websocket service (its packaged jar, {@code services/websocket/target/
 *   quarkus-app}), run as a child process, so a teacher's real socket receives the alert.</li>
 * </ul>
 * Both sidecars use the repository's {@code dapr/config.yaml} (its notification → websocket
 * POST /internal/notifications grant is what lets the pushes through).
 */
final class WebsocketReplicas {

    static final String RECORDER_APP_ID = "websocket-a";
    static final String REAL_APP_ID = "websocket-b";
    private static PushRecorder recorder;
    private static Sidecar recorderSidecar;
    private static Process relay;
    private static Sidecar relaySidecar;
    private static int relayPort;

    private WebsocketReplicas() {
    }

    /** Starts both replicas once per test JVM. */
    static synchronized void start() {
        if (recorder != null) {
            return;
        }
        try {
            SidecarRegistry registry = LocalSidecar.sidecarOf("notification").registry();
            Path config = RepoFiles.find("dapr/config.yaml");
            recorder = new PushRecorder();
            Path noComponents = Files.createTempDirectory("learnflow-no-components");
            recorderSidecar = Sidecar.start(SidecarOptions.builder(RECORDER_APP_ID).appPort(recorder.port())
                    .daprHttpPort(0).daprGrpcPort(0).componentsDir(noComponents).configFile(config).env(Map.of())
                    .registry(registry).build());
            startRealRelay(registry, config);
            Runtime.getRuntime().addShutdownHook(new Thread(WebsocketReplicas::stop));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PushRecorder recorder() {
        start();
        return recorder;
    }

    /** Port of the real websocket service's HTTP/WebSocket listener. */
    static int relayPort() {
        start();
        return relayPort;
    }

    /** What to tell when a test against the real relay fails: is the child alive, and what does it count. */
    static String relayDiagnostics() {
        if (relay == null) {
            return "websocket-b not started";
        }
        if (!relay.isAlive()) {
            return "websocket-b (pid " + relay.pid() + ") exited with " + relay.exitValue()
                    + "; see target/websocket-b.log";
        }
        try {
            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + relayPort
                            + "/q/health/ready")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return "websocket-b (pid " + relay.pid() + ") is up: " + health.body().replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "websocket-b (pid " + relay.pid() + ") does not answer on " + relayPort + ": " + e;
        }
    }

    private static void startRealRelay(SidecarRegistry registry, Path config) throws IOException {
        Path jar;
        try {
            jar = RepoFiles.find("services/websocket/target/quarkus-app/quarkus-run.jar");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The real websocket service is part of these tests: build it first "
                    + "(mvn -pl services/websocket package, or run the whole reactor)", e);
        }
        relayPort = Ports.freePort();
        relaySidecar = Sidecar.start(SidecarOptions.builder(REAL_APP_ID).appPort(relayPort)
                .daprHttpPort(0).daprGrpcPort(0).componentsDir(RepoFiles.find("dapr/components")).configFile(config)
                .env(Map.of("KAFKA_BOOTSTRAP_SERVERS", LocalSidecar.kafka().bootstrapServers(),
                        "LEARNFLOW_STATE_CONNECTION_STRING", TestDatabase.connectionString()))
                .registry(registry).build());
        Path log = Path.of("target", "websocket-b.log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        relay = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + relayPort,
                "-Ddapr.http.port=" + relaySidecar.httpPort(), "-Ddapr.grpc.port=" + relaySidecar.grpcPort(),
                "-Dmp.jwt.verify.publickey.location=" + JwtTestKeys.publicKeyFile(),
                "-Dquarkus.log.category.\"dev.learnflow\".level=DEBUG",
                "-Dlearnflow.sidecar-trust.allow-without-token=true", // its test sidecar sends no app token
                "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            relaySidecar.appReady().get(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the websocket service did not come up; see " + log, e);
        }
    }

    private static synchronized void stop() {
        if (relay != null) {
            relay.destroy();
            try {
                if (!relay.waitFor(10, TimeUnit.SECONDS)) {
                    relay.destroyForcibly();
                }
            } catch (InterruptedException e) {
                relay.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            relay = null;
        }
        for (Sidecar sidecar : new Sidecar[]{relaySidecar, recorderSidecar}) {
            if (sidecar != null) {
                try {
                    sidecar.stop();
                } catch (RuntimeException e) {
                    // the test mesh may already be closed
                }
            }
        }
        if (recorder != null) {
            recorder.close();
        }
    }
}
