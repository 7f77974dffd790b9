package dev.learnflow.exercise;

import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.RepoFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the REAL code-execution service (its built Quarkus jar, bubblewrap sandbox and all) as a child process
 * beside the service under test, with its own local sidecar as app id {@code code-execution}, so the service
 * reaches the sandbox exactly as in production: through both sidecars, under dapr/config.yaml's access control.
 * Starts after {@link LocalSidecar} (higher order). Needs {@code mvn -pl services/code-execution -am package}.
 */
public class CodeExecutionPeer implements QuarkusTestResourceLifecycleManager {

    static final String APP_ID = "code-execution";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private static Process process;
    private static int port;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public synchronized Map<String, String> start() {
        Path jar = RepoFiles.find("services/code-execution/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The code-execution service is not built: run "
                    + "`mvn -B -pl services/code-execution -am package -DskipTests` first");
        }
        port = Ports.freePort();
        Sidecar sidecar = LocalSidecar.startPeer(APP_ID, port);
        Path log = Path.of("target", "code-execution-peer.log").toAbsolutePath();
        // The jar may be rebuilt while we run (another module's build): run a private copy, and try twice.
        Exception last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Files.createDirectories(log.getParent());
                Path app = snapshot(jar.getParent());
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                process = new ProcessBuilder(List.of(java, "-Xmx256m",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                        "-Ddapr.http.port=" + sidecar.httpPort(), "-Ddapr.grpc.port=" + sidecar.grpcPort(),
                        "-Dquarkus.log.level=WARN",
                        "-Dlearnflow.sidecar-trust.allow-without-token=true", // its test sidecar sends no app token
                        "-jar", app.resolve("quarkus-run.jar").toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                        .directory(new File(System.getProperty("java.io.tmpdir")))
                        .start();
                awaitReady(log);
                return Map.of("learnflow.test.code-execution-url", baseUrl());
            } catch (Exception e) {
                last = e;
                stop();
                sleepQuietly(10_000);
            }
        }
        throw new IllegalStateException("code-execution peer did not start (log: " + log + ")", last);
    }

    private static Path snapshot(Path quarkusApp) throws java.io.IOException {
        Path copy = Path.of("target", "code-execution-app").toAbsolutePath();
        if (Files.exists(copy)) {
            try (var paths = Files.walk(copy)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var paths = Files.walk(quarkusApp)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = copy.resolve(quarkusApp.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("code-execution exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("code-execution not ready within " + READY_TIMEOUT);
    }

    /** Direct URL of the running code-execution app (bypassing sidecars), e.g. for a proxying stub. */
    public static String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
    }
}
