package dev.learnflow.local.testing;

import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.sidecar.Sidecar;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.core.ConditionTimeoutException;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Runs the REAL code-execution service (its built Quarkus jar, bubblewrap sandbox and all) as a child process
 * beside the service under test, with its own local sidecar as app id {@code code-execution}, so the service
 * reaches the sandbox exactly as in production: through both sidecars, under dapr/config.yaml's access control.
 * Starts after {@link LocalSidecar} (higher order). Needs {@code mvn -pl services/code-execution -am package}.
 * <p>
 * Its state lives in the instance, not in statics: Quarkus loads this class once per test profile, and the app's
 * direct URL reaches tests as the config value {@value #URL_PROPERTY}.
 */
public class CodeExecutionPeer implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ID = "code-execution";
    /** Direct URL of the running code-execution app (bypassing sidecars), e.g. for a proxying stub. */
    public static final String URL_PROPERTY = "learnflow.test.code-execution-url";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Process process;

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
        int port = Ports.freePort();
        String baseUrl = "http://127.0.0.1:" + port;
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
                awaitReady(baseUrl, log);
                return Map.of(URL_PROPERTY, baseUrl);
            } catch (Exception e) {
                last = e;
                stop();
                // Give a concurrent rebuild of the jar time to finish before the second try.
                await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
            }
        }
        throw new IllegalStateException("code-execution peer did not start (log: " + log + ")", last);
    }

    private static Path snapshot(Path quarkusApp) throws IOException {
        Path copy = Path.of("target", "code-execution-app").toAbsolutePath();
        if (Files.exists(copy)) {
            try (var paths = Files.walk(copy)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var paths = Files.walk(quarkusApp)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = copy.resolve(quarkusApp.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    private void awaitReady(String baseUrl, Path log) throws IOException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("code-execution exited with " + process.exitValue());
                        }
                        try {
                            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (IllegalStateException exited) {
            throw new IllegalStateException(exited.getMessage() + ": " + Files.readString(log), exited);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("code-execution not ready within " + READY_TIMEOUT, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
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
