package dev.learnflow.triage;

import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.RepoFiles;
import org.awaitility.core.ConditionTimeoutException;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The real concepts service, packaged by its own module, run as a child JVM beside its own local sidecar in this
 * test's mesh (so triage and concepts talk only through their sidecars and Kafka, as in production).
 */
final class ConceptsApp implements AutoCloseable {

    static final String JAR = "services/concepts/target/quarkus-app/quarkus-run.jar";

    private final Process process;
    private final int port;

    private ConceptsApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ConceptsApp start() throws Exception {
        Path jar;
        try {
            jar = RepoFiles.find(JAR);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Package concepts first (mvn -pl services/concepts package): " + JAR);
        }
        int port = Ports.freePort();
        Sidecar sidecar = LocalSidecar.startPeer("concepts", port);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "concepts-e2e.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("LEARNFLOW_SIDECAR_TRUST_ALLOW_WITHOUT_TOKEN", "true"); // its test sidecar sends no app token
        env.put("DAPR_HTTP_PORT", Integer.toString(sidecar.httpPort()));
        env.put("DAPR_GRPC_PORT", Integer.toString(sidecar.grpcPort()));
        env.put("LEARNFLOW_DB_NAME", env.getOrDefault("LEARNFLOW_TEST_DB_NAME", "learnflow_test"));
        ConceptsApp app = new ConceptsApp(builder.start(), port);
        app.awaitReady(Duration.ofSeconds(180), log.toFile());
        sidecar.appReady().get();
        return app;
    }

    private void awaitReady(Duration timeout, File log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("concepts exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException notYet) {
                    return false;   // still starting
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("concepts was not ready within " + timeout + "; see " + log, e);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
